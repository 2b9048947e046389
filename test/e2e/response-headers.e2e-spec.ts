import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createOAuth2Client, issueOAuth2Tokens } from 'test/helpers/oauth2-flow';
import { postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { type FakeServer, startFakeServer } from 'test/unit/files-fake-http';

const PRIVATE = 'private, no-cache';

describe('response headers: nosniff everywhere, authenticated answers kept out of shared caches', () => {
  let t: TestApp;
  let tiles: FakeServer;
  let user: User;
  let token: string;
  let workoutId: string;
  let mapId: string;

  beforeAll(async () => {
    tiles = await startFakeServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(Buffer.from('png'));
    });
    t = await createTestApp({ TILE_SERVER_URL: `${tiles.url}/{z}/{x}/{y}.png` });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    const gpx = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
    const upload = await postWorkoutFile(t, token, gpx, { fileName: 'w.gpx' }).expect(201);
    workoutId = upload.body.data.workouts[0].id as string;
    mapId = upload.body.data.workouts[0].map as string;
  });
  afterAll(async () => {
    await t.close();
    await tiles.close();
  });

  const authed = (path: string, with_ = token): request.Test =>
    request(t.http).get(path).set(bearer(with_));

  it('sends X-Content-Type-Options: nosniff on every kind of answer', async () => {
    const client = await createOAuth2Client(t, token);
    const answers: [string, Response][] = [
      ['JSON', await request(t.http).get('/api/ping')],
      ['authenticated JSON', await authed('/api/auth/profile')],
      ['file', await authed(`/api/workouts/${workoutId}/gpx/download`)],
      ['public map', await request(t.http).get(`/api/workouts/map/${mapId}`)],
      ['tile', await request(t.http).get('/api/workouts/map_tile/a/1/1/1.png')],
      ['unknown route', await request(t.http).get('/api/nope')],
      ['401', await request(t.http).get('/api/auth/profile')],
      ['invalid token', await authed('/api/auth/profile', 'invalid')],
      [
        'unparsable body',
        await request(t.http).post('/api/auth/login').type('json').send('{"email":'),
      ],
      ['OAuth2 error', await request(t.http).post('/api/oauth/token').type('form').send({})],
      [
        'consent page',
        await request(t.http).get(
          `/profile/apps/authorize?client_id=${client.client_id}&response_type=code`,
        ),
      ],
      ['metadata', await request(t.http).get('/.well-known/oauth-authorization-server')],
      ['docs', await request(t.http).get('/api/docs')],
      ['OpenAPI document', await request(t.http).get('/api/docs-json')],
    ];
    const missing = answers
      .filter(([, res]) => res.headers['x-content-type-options'] !== 'nosniff')
      .map(([name, res]) => `${name} (${String(res.status)})`);
    expect(missing).toEqual([]);
  });

  it('marks authenticated answers private, errors and OAuth2 tokens included', async () => {
    const oauth2 = await issueOAuth2Tokens(t, await createUser(t.dataSource), 'profile:read');
    const answers: [string, Response][] = [
      ['profile', await authed('/api/auth/profile')],
      ['profile by OAuth2 token', await authed('/api/auth/profile', oauth2.access_token)],
      ['workout list', await authed('/api/workouts')],
      ['file', await authed(`/api/workouts/${workoutId}/gpx/download`)],
      ['not found', await authed('/api/workouts/0000000000000000000000')],
    ];
    const wrong = answers
      .filter(([, res]) => res.headers['cache-control'] !== PRIVATE)
      .map(
        ([name, res]) => `${name} (${String(res.status)}): ${String(res.headers['cache-control'])}`,
      );
    expect(wrong).toEqual([]);
    expect(answers[0]?.[1].body.data.email).toBe(user.email);
    // RFC 6750 errors keep their stricter no-store.
    const wrongScope = await authed('/api/workouts', oauth2.access_token).expect(403);
    expect(wrongScope.headers['cache-control']).toBe('no-store');
  });

  it('keeps the ETag: a conditional request gets a 304 with the same headers', async () => {
    const first = await authed('/api/auth/profile').expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await authed('/api/auth/profile').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe(PRIVATE);
    expect(again.headers['x-content-type-options']).toBe('nosniff');
    const changed = await request(t.http)
      .post('/api/auth/profile/edit')
      .set(bearer(token))
      .send({ first_name: 'New', last_name: null, bio: null, location: null, birth_date: null });
    expect(changed.status).toBe(200);
    expect((await authed('/api/auth/profile').set('If-None-Match', etag)).status).toBe(200);
  });

  it('never stores answers that carry a token', async () => {
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ email: user.email, password: DEFAULT_PASSWORD })
      .expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const client = await createOAuth2Client(t, token);
    const refused = await request(t.http)
      .post('/api/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: client.client_id });
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('leaves public answers as they were: no private or no-store on maps, tiles, ping', async () => {
    const answers = [
      await request(t.http).get(`/api/workouts/map/${mapId}`).expect(200),
      await request(t.http).get('/api/workouts/map_tile/a/1/1/1.png').expect(200),
      await request(t.http).get('/api/ping').expect(200),
      await request(t.http).get('/api/config').expect(200),
    ];
    for (const res of answers) expect(res.headers['cache-control']).toBeUndefined();
  });
});
