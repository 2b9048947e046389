import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from 'src/common/errors/all-exceptions.filter';
import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { TcpProxy } from 'test/helpers/tcp-proxy';
import { listFiles, postWorkoutFile } from 'test/helpers/uploads';
import { createTestApp, isEmbeddedRun, type TestApp } from 'test/setup/test-app';
import { ADMIN_URL } from 'test/setup/test-database';

const MANUAL = {
  sport_id: 1,
  duration: 3600,
  distance: 10,
  workout_date: '2024-05-01 07:00',
  title: 'outage',
};

/** Every request that needs the database, while it is unreachable. */
function expectUnavailable(res: Response): void {
  expect({ code: res.status, body: res.body as unknown }).toEqual({
    code: 503,
    body: { status: 'error', message: UNAVAILABLE_MESSAGE },
  });
  expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
}

// The embedded database runs inside the server process: there is no connection to cut.
(isEmbeddedRun() ? describe.skip : describe)('PostgreSQL unreachable (through a TCP proxy)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let direct: Client;
  let user: User;
  let token: string;

  const count = async (table: string): Promise<number> =>
    Number((await direct.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
  const post = (body: object, key: string): request.Test =>
    request(t.http)
      .post('/api/workouts/no_gpx')
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send(body);

  beforeAll(async () => {
    proxy = await TcpProxy.start(new URL(ADMIN_URL));
    let directUrl = '';
    t = await createTestApp(
      { TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' },
      [],
      (url) => {
        directUrl = url;
        return proxy.route(url);
      },
    );
    direct = new Client({ connectionString: directUrl });
    await direct.connect();
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await direct.end();
    await t.close();
    await proxy.close();
  });

  it('answers 503 with Retry-After quickly while it is down, and recovers by itself', async () => {
    await request(t.http).get('/api/workouts').set(bearer(token)).expect(200);
    await request(t.http).get('/api/health').expect(200);
    await proxy.cut();

    const started = Date.now();
    expectUnavailable(await request(t.http).get('/api/workouts').set(bearer(token)));
    expectUnavailable(await post(MANUAL, 'during-outage'));
    expectUnavailable(await request(t.http).get('/api/records').set(bearer(token)));
    const health = await request(t.http).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect(health.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(Date.now() - started).toBeLessThan(10_000);
    // What needs no database still answers.
    await request(t.http).get('/api/ping').expect(200);
    await request(t.http).get('/api/health/live').expect(200);
    expect(await count('workouts')).toBe(0);

    await proxy.restore();
    await request(t.http).get('/api/workouts').set(bearer(token)).expect(200);
    await request(t.http).get('/api/health').expect(200);
  });

  it('a workout committed whose answer was lost is not created twice by the retry', async () => {
    const lost = proxy.loseNextCommitAnswer();
    expectUnavailable(await post(MANUAL, 'lost-manual'));
    await lost;
    expect(await count('workouts')).toBe(1);

    const retry = await post(MANUAL, 'lost-manual').expect(201);
    const [row] = (
      await direct.query<{ uuid: string; title: string }>('SELECT uuid, title FROM workouts')
    ).rows;
    expect(retry.body.data.workouts).toHaveLength(1);
    expect(retry.body.data.workouts[0]).toMatchObject({ title: 'outage', distance: 10 });
    expect(await count('workouts')).toBe(1);
    expect(row?.title).toBe('outage');
    // The replay is the first request's answer: asking again gives the same bytes.
    const again = await post(MANUAL, 'lost-manual').expect(201);
    expect(again.text).toBe(retry.text);
  });

  it('an upload committed whose answer was lost keeps its files and is not created twice', async () => {
    const gpx = syntheticGpx({ points: 200, start: new Date('2024-06-01T06:00:00Z') });
    const upload = (): request.Test =>
      postWorkoutFile(t, token, gpx, { fileName: 'lost.gpx' }).set(
        'Idempotency-Key',
        'lost-upload',
      );
    const before = await count('workouts');
    const lost = proxy.loseNextCommitAnswer();
    expectUnavailable(await upload());
    await lost;
    expect(await count('workouts')).toBe(before + 1);
    const { rows } = await direct.query<{ gpx: string }>(
      'SELECT gpx FROM workouts ORDER BY id DESC LIMIT 1',
    );
    const gpxPath = join(t.config.app.uploadFolder, rows[0]?.gpx ?? '-');
    // The files wait for the database to confirm the row, then move into place.
    await waitFor(() => existsSync(gpxPath));

    const retry = await upload().expect(201);
    expect(retry.body.data.workouts).toHaveLength(1);
    expect(await count('workouts')).toBe(before + 1);
    const files = listFiles(t.config.app.uploadFolder);
    expect(files.filter((file) => file.endsWith('.gpx'))).toEqual([rows[0]?.gpx]);
    expect(files.filter((file) => file.includes('.tmp'))).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
