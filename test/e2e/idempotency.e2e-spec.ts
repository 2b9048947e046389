import { IdempotencyService } from 'src/common/idempotency/idempotency.service';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { countWorkouts, listFiles, postWorkoutFile } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const MANUAL = { sport_id: 1, duration: 1800, distance: 5, workout_date: '2024-05-01 07:00' };
const APP = {
  client_name: 'sync tool',
  client_uri: 'https://sync.example.com',
  redirect_uris: ['https://sync.example.com/callback'],
  scope: 'workouts:read',
};
const REUSED = 'Idempotency-Key already used for a different request';

describe('Idempotency-Key on the create endpoints', () => {
  let t: TestApp;
  let user: User;
  let token: string;

  const manual = (body: object, key?: string, as = token): request.Test => {
    const req = request(t.http).post('/api/workouts/no_gpx').set(bearer(as));
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const createApp = (body: object, key: string): request.Test =>
    request(t.http)
      .post('/api/oauth/apps')
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send(body);
  const rows = async (sql: string): Promise<number> =>
    Number((await t.dataSource.query<{ n: string }[]>(sql))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(() => t.close());

  it('without the header, every request creates (FitTrackee behaviour)', async () => {
    const before = await countWorkouts(t, user.id);
    const first = await manual(MANUAL).expect(201);
    const second = await manual(MANUAL).expect(201);
    expect(first.body.data.workouts[0].id).not.toBe(second.body.data.workouts[0].id);
    expect(await countWorkouts(t, user.id)).toBe(before + 2);
    expect(await rows('SELECT count(*) AS n FROM idempotency_keys')).toBe(0);
  });

  it('a retry gets the first answer byte for byte, and nothing is created again', async () => {
    const before = await countWorkouts(t, user.id);
    const first = await manual(MANUAL, 'retry-1').expect(201);
    const retry = await manual({ ...MANUAL }, 'retry-1').expect(201);
    expect(retry.text).toBe(first.text);
    expect(await countWorkouts(t, user.id)).toBe(before + 1);
    // Key order in the body does not make it another request.
    const reordered = Object.fromEntries(Object.entries(MANUAL).reverse());
    expect((await manual(reordered, 'retry-1').expect(201)).text).toBe(first.text);
  });

  it('refuses the same key with another body (422), and keys are per user', async () => {
    await manual(MANUAL, 'retry-2').expect(201);
    const before = await countWorkouts(t, user.id);
    expectEnvelopeError(await manual({ ...MANUAL, distance: 6 }, 'retry-2'), 422, 'error', REUSED);
    expect(await countWorkouts(t, user.id)).toBe(before);
    const other = await createUser(t.dataSource);
    await manual(MANUAL, 'retry-2', firstPartyToken(t.app, other)).expect(201);
    expect(await countWorkouts(t, other.id)).toBe(1);
  });

  it('records nothing for a refused request: the corrected retry creates', async () => {
    await manual({ ...MANUAL, sport_id: 999 }, 'retry-3').expect(400);
    const created = await manual(MANUAL, 'retry-3').expect(201);
    expect((await manual(MANUAL, 'retry-3').expect(201)).text).toBe(created.text);
  });

  it('concurrent requests with one key create once', async () => {
    const before = await countWorkouts(t, user.id);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => manual(MANUAL, 'concurrent-1')),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((res) => res.text)).size).toBe(1);
    expect(await countWorkouts(t, user.id)).toBe(before + 1);
  });

  it('refuses a malformed key with a 400', async () => {
    for (const key of ['', 'with space', 'x'.repeat(256), 'é']) {
      const res = await request(t.http)
        .post('/api/workouts/no_gpx')
        .set(bearer(token))
        .set('Idempotency-Key', key)
        .send(MANUAL);
      expectEnvelopeError(res, 400, 'error', 'invalid Idempotency-Key header');
    }
  });

  it('an OAuth2 app: the retry gets the same client and secret; neither is stored in clear', async () => {
    const answers = await Promise.all([createApp(APP, 'app-1'), createApp(APP, 'app-1')]);
    expect(answers.map((res) => res.status)).toEqual([201, 201]);
    const [first, second] = answers.map((res) => res.body.data.client as Record<string, string>);
    expect(first?.['client_secret']).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(second).toEqual(first);
    expect(await rows('SELECT count(*) AS n FROM oauth2_clients')).toBe(1);
    const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM idempotency_keys'));
    expect(stored).not.toContain(first?.['client_secret']);
    expect(stored).not.toContain('app-1');
    expectEnvelopeError(
      await createApp({ ...APP, client_name: 'other' }, 'app-1'),
      422,
      'error',
      REUSED,
    );
  });

  it('an upload: the retry answers the first workout and leaves no file behind', async () => {
    const gpx = syntheticGpx({ points: 120, start: new Date('2024-07-01T06:00:00Z') });
    const upload = (): request.Test =>
      postWorkoutFile(t, token, gpx, { fileName: 'ride.gpx' }).set('Idempotency-Key', 'up-1');
    const before = await countWorkouts(t, user.id);
    const gpxBefore = listFiles(t.config.app.uploadFolder).filter((f) => f.endsWith('.gpx'));
    const answers = await Promise.all([upload(), upload()]);
    expect(answers.map((res) => res.status)).toEqual([201, 201]);
    const [first, second] = answers;
    expect(second.text).toBe(first.text);
    expect((await upload().expect(201)).text).toBe(first.text);
    expect(await countWorkouts(t, user.id)).toBe(before + 1);
    const files = listFiles(t.config.app.uploadFolder);
    expect(files.filter((f) => f.endsWith('.gpx'))).toHaveLength(gpxBefore.length + 1);
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
    const other = syntheticGpx({ points: 121, start: new Date('2024-07-01T06:00:00Z') });
    const res = await postWorkoutFile(t, token, other, { fileName: 'ride.gpx' }).set(
      'Idempotency-Key',
      'up-1',
    );
    expectEnvelopeError(res, 422, 'error', REUSED);
  });

  it('keys expire after 24 hours and are then cleaned up', async () => {
    const first = await manual(MANUAL, 'expiring').expect(201);
    expect((await manual(MANUAL, 'expiring').expect(201)).text).toBe(first.text);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'`,
    );
    const later = await manual(MANUAL, 'expiring').expect(201);
    expect(later.body.data.workouts[0].id).not.toBe(first.body.data.workouts[0].id);
    const live = await rows('SELECT count(*) AS n FROM idempotency_keys');
    expect(live).toBeGreaterThan(0);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'`,
    );
    await expect(t.app.get(IdempotencyService).cleanExpired()).resolves.toBe(live);
    expect(await rows('SELECT count(*) AS n FROM idempotency_keys')).toBe(0);
  });
});
