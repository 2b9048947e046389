import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectNulRefused,
  expectOAuthError,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createOAuth2Client, type TestClient } from 'test/helpers/oauth2-flow';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const NUL = '\u0000';

/**
 * A NUL character anywhere in the input is a 400 naming where it was (PostgreSQL refuses NUL in
 * text: each of these answered 500 before). One case per kind of operation of the findings.
 */
describe('edge: NUL characters are refused on every route', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let adminToken: string;
  let client: TestClient;
  let workoutId: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource, { username: 'nul_user' });
    token = firstPartyToken(t.app, user);
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
    client = await createOAuth2Client(t, token);
    workoutId = String((await createManualWorkout(t, token, {}))['id']);
  });
  afterAll(() => t.close());

  describe('in a JSON body', () => {
    it.each([
      ['a login email', '/api/auth/login', { email: `a${NUL}@b.c`, password: 'x' }, 'email'],
      [
        'a register username',
        '/api/auth/register',
        { username: `u${NUL}`, email: 'a@b.c', password: '12345678', accepted_policy: true },
        'username',
      ],
      ['a reset request email', '/api/auth/password/reset-request', { email: NUL }, 'email'],
      [
        'a nested value',
        '/api/auth/login',
        { email: 'a@b.c', password: { deep: [NUL] } },
        'password.deep[0]',
      ],
    ])('refuses %s', async (_label, path, body, where) => {
      expectNulRefused(await request(t.http).post(path).send(body), where);
    });

    it('refuses a NUL in a key', async () => {
      const res = await request(t.http)
        .post('/api/auth/login')
        .send({ [`email${NUL}`]: 'a@b.c' });
      expectEnvelopeError(res, 400, 'error', 'payload: NUL characters are not allowed in keys');
    });

    it.each([
      [
        'the profile',
        'post',
        '/api/auth/profile/edit',
        { first_name: NUL, last_name: null, bio: null, location: null, birth_date: null },
        'first_name',
      ],
      [
        'the preferences',
        'post',
        '/api/auth/profile/edit/preferences',
        { timezone: `Europe/Paris${NUL}` },
        'timezone',
      ],
      [
        'a manual workout',
        'post',
        '/api/workouts/no_gpx',
        { sport_id: 1, duration: 60, distance: 1, workout_date: '2024-01-01 10:00', notes: NUL },
        'notes',
      ],
      ['a workout edit', 'patch', '/api/workouts/:id', { title: `a${NUL}` }, 'title'],
      [
        'an OAuth2 client',
        'post',
        '/api/oauth/apps',
        {
          client_name: `app${NUL}`,
          client_uri: 'https://a.b',
          redirect_uris: ['https://a.b/c'],
          scope: 'profile:read',
        },
        'client_name',
      ],
      [
        'a redirect URI',
        'post',
        '/api/oauth/apps',
        {
          client_name: 'app',
          client_uri: 'https://a.b',
          redirect_uris: [`https://a.b/${NUL}`],
          scope: 'profile:read',
        },
        'redirect_uris[0]',
      ],
    ] as const)('refuses %s', async (_label, method, path, body, where) => {
      const url = path.replace(':id', workoutId);
      expectNulRefused(await request(t.http)[method](url).set(bearer(token)).send(body), where);
    });

    it('refuses a NUL in the configuration (admin)', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ about: `about${NUL}` });
      expectNulRefused(res, 'about');
    });
  });

  describe('in a query string', () => {
    it.each([
      ['a workouts filter', '/api/workouts?title=a%00b', 'title'],
      ['a workouts page', '/api/workouts?page=%001', 'page'],
      ['a users search', '/api/users?q=a%00', 'q'],
      ['a stats period', '/api/stats/nul_user/by_time?time=week%00', 'time'],
      ['a stats filter', '/api/stats/nul_user/by_sport?from=2024%0001-01', 'from'],
      ['a NUL in a key', '/api/workouts?a%00=1', 'payload'],
    ])('refuses %s', async (_label, path, where) => {
      const res = await request(t.http).get(path).set(bearer(adminToken));
      const message =
        where === 'payload'
          ? 'payload: NUL characters are not allowed in keys'
          : `${where}: NUL characters are not allowed`;
      expectEnvelopeError(res, 400, 'error', message);
    });
  });

  describe('in a path parameter', () => {
    it.each([
      ['a username', '/api/users/nul%00user', 'username'],
      ['a stats username', '/api/stats/nul%00user/by_sport', 'username'],
      ['a workout id', '/api/workouts/abc%00', 'workout_id'],
      ['a workout file id', '/api/workouts/abc%00/gpx', 'workout_id'],
      ['a client id', '/api/oauth/apps/abc%00', 'client_id'],
      ['a sport id', '/api/sports/1%00', 'sport_id'],
    ])('refuses %s', async (_label, path, where) => {
      expectNulRefused(await request(t.http).get(path).set(bearer(adminToken)), where);
    });

    it.each([
      ['a map id', '/api/workouts/map/abc%00', 'map_id'],
      ['a picture owner', '/api/users/a%00/picture', 'username'],
    ])('refuses %s on a public route', async (_label, path, where) => {
      expectNulRefused(await request(t.http).get(path), where);
    });
  });

  describe('on the OAuth2 endpoints: RFC 6749 invalid_request', () => {
    it('refuses a NUL in a token request form', async () => {
      const res = await request(t.http)
        .post('/api/oauth/token')
        .type('form')
        .send(
          `grant_type=authorization_code&client_id=${client.client_id}%00&client_secret=x&code=c`,
        );
      expectOAuthError(res, 400, 'invalid_request', 'client_id: NUL characters are not allowed');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('refuses a NUL in a multipart token request (parsed after the guards)', async () => {
      const res = await request(t.http)
        .post('/api/oauth/token')
        .field('grant_type', 'refresh_token')
        .field('client_id', client.client_id)
        .field('client_secret', client.client_secret)
        .field('refresh_token', `abc${NUL}`);
      expectOAuthError(
        res,
        400,
        'invalid_request',
        'refresh_token: NUL characters are not allowed',
      );
    });

    it('refuses a NUL in a revocation request', async () => {
      const res = await request(t.http)
        .post('/api/oauth/revoke')
        .type('form')
        .send({
          token: `t${NUL}`,
          client_id: client.client_id,
          client_secret: client.client_secret,
        });
      expectOAuthError(res, 400, 'invalid_request', 'token: NUL characters are not allowed');
    });

    it('refuses a NUL in an authorization request', async () => {
      const res = await request(t.http)
        .post('/api/oauth/authorize')
        .set(bearer(token))
        .type('form')
        .send({
          client_id: client.client_id,
          response_type: 'code',
          scope: `profile:read${NUL}`,
          confirm: 'true',
        });
      expectOAuthError(res, 400, 'invalid_request', 'scope: NUL characters are not allowed');
    });

    it('shows the consent page’s own error page, never a redirect', async () => {
      const res = await request(t.http).get(
        `/profile/apps/authorize?client_id=${client.client_id}&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2F%00`,
      );
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['location']).toBeUndefined();
      expect(res.text).toContain('redirect_uri: NUL characters are not allowed');
    });
  });

  describe('in a multipart upload', () => {
    it('refuses a NUL in the JSON of the data field', async () => {
      const res = await postWorkoutFile(t, token, syntheticGpx({ points: 5 }), {
        data: JSON.stringify({ sport_id: 1, notes: `n${NUL}` }),
      });
      expectNulRefused(res, 'notes');
    });

    it('refuses a raw NUL byte in the data field', async () => {
      const res = await postWorkoutFile(t, token, syntheticGpx({ points: 5 }), {
        data: `{"sport_id": 1, "notes": "a${NUL}b"}`,
      });
      expectNulRefused(res, 'notes');
    });
  });

  it('leaves no row behind and keeps answering', async () => {
    const rows: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM workouts WHERE user_id = $1`,
      [user.id],
    );
    expect(rows[0]?.count).toBe(1);
    expect((await request(t.http).get('/api/ping')).status).toBe(200);
  });
});
