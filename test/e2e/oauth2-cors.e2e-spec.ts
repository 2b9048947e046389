import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { OpenAPIObject } from '@nestjs/swagger';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { createOAuth2Client, issueOAuth2Tokens, type TokenPair } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const SPA = 'https://spa.example.net';
const ADMIN_UI = 'https://admin-ui.example.org';
const FOREIGN = 'https://foreign.example.com';
const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'access-control-allow-credentials',
];

const corsHeadersOf = (res: Response): Record<string, string> =>
  Object.fromEntries(
    CORS_HEADERS.flatMap((name) => {
      const value = res.headers[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );

const EXPOSED =
  'Content-Disposition, Retry-After, WWW-Authenticate, X-RateLimit-Limit, ' +
  'X-RateLimit-Remaining, X-RateLimit-Reset, X-Request-Id';

describe('CORS for browser apps (docs/oauth2.md#cors)', () => {
  let t: TestApp;
  let owner: string;
  let grant: TokenPair & { client: { client_id: string; client_secret: string } };

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${ADMIN_UI}/` });
    const user = await createUser(t.dataSource);
    owner = firstPartyToken(t.app, user);
    grant = await issueOAuth2Tokens(t, user, 'workouts:read');
    await createOAuth2Client(t, owner, {
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${SPA}/callback`, 'com.example.app:/cb'],
    });
  });
  afterAll(() => t.close());

  const preflight = (path: string, origin?: string): request.Test => {
    const req = request(t.http)
      .options(path)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    return origin === undefined ? req : req.set('Origin', origin);
  };

  it('answers a preflight from a registered origin with the CORS headers, never credentials', async () => {
    for (const path of ['/api/workouts', '/api/oauth/token', '/api/oauth/revoke']) {
      const res = await preflight(path, SPA);
      expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 204, text: '' });
      expect(corsHeadersOf(res)).toEqual({
        'access-control-allow-origin': SPA,
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
        'access-control-max-age': '600',
      });
      expect(res.headers['vary']).toContain('Origin');
    }
  });

  it('answers a preflight from any other origin without CORS headers, not 404', async () => {
    for (const origin of [FOREIGN, 'null', `${SPA}:8443`, 'http://spa.example.net', undefined]) {
      const res = await preflight('/api/workouts', origin);
      expect({ origin, status: res.status, cors: corsHeadersOf(res) }).toEqual({
        origin,
        status: 204,
        cors: {},
      });
    }
  });

  it('adds the origins of CORS_ORIGINS', async () => {
    const res = await preflight('/api/workouts/stats', ADMIN_UI);
    expect(res.headers['access-control-allow-origin']).toBe(ADMIN_UI);
  });

  it('lets a browser app read the answers of the resource, token and revocation endpoints', async () => {
    const listed = await request(t.http)
      .get('/api/workouts')
      .set('Origin', SPA)
      .set(bearer(grant.access_token));
    expect(listed.status).toBe(200);
    expect(corsHeadersOf(listed)).toEqual({
      'access-control-allow-origin': SPA,
      'access-control-expose-headers': EXPOSED,
    });
    const refused = await request(t.http).get('/api/workouts').set('Origin', SPA);
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(SPA);
    const token = await request(t.http)
      .post('/api/oauth/token')
      .set('Origin', SPA)
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: 'unknown', refresh_token: 'x' });
    expect(token.status).toBe(400);
    expect(token.headers['access-control-allow-origin']).toBe(SPA);
    const revoked = await request(t.http)
      .post('/api/oauth/revoke')
      .set('Origin', SPA)
      .type('form')
      .send({ ...grant.client, token: 'unknown' });
    expect(revoked.status).toBe(200);
    expect(revoked.headers['access-control-allow-origin']).toBe(SPA);
    const foreign = await request(t.http)
      .get('/api/workouts')
      .set('Origin', FOREIGN)
      .set(bearer(grant.access_token));
    expect(foreign.status).toBe(200);
    expect(corsHeadersOf(foreign)).toEqual({});
    expect(foreign.headers['vary']).toContain('Origin');
  });

  it('lets a browser app read the profile with a profile:read token', async () => {
    const user = await createUser(t.dataSource, { email: 'profile-reader@example.com' });
    const reader = await issueOAuth2Tokens(t, user, 'profile:read');
    const res = await request(t.http)
      .get('/api/auth/profile')
      .set('Origin', SPA)
      .set(bearer(reader.access_token));
    expect(res.status).toBe(200);
    expect(res.body.data.username).toBe(user.username);
    expect(corsHeadersOf(res)).toEqual({
      'access-control-allow-origin': SPA,
      'access-control-expose-headers': EXPOSED,
    });
    const preflighted = await preflight('/api/auth/profile', SPA);
    expect(preflighted.status).toBe(204);
    expect(preflighted.headers['access-control-allow-origin']).toBe(SPA);
  });

  it('keeps sign-in, the account, app registration and the consent page same-origin', async () => {
    for (const path of [
      '/api/auth/login',
      '/api/auth/profile/edit/account',
      '/api/auth/tokens',
      '/api/oauth/apps',
      '/api/oauth/authorize',
    ]) {
      const res = await preflight(path, SPA);
      expect({ path, status: res.status, cors: corsHeadersOf(res) }).toEqual({
        path,
        status: 404,
        cors: {},
      });
    }
    const answers = [
      await request(t.http).post('/api/auth/login').set('Origin', SPA).send({}),
      await request(t.http).get('/api/oauth/apps').set('Origin', SPA).set(bearer(owner)),
      await request(t.http).get('/profile/apps/authorize').set('Origin', SPA),
      await request(t.http).get('/api/docs-json').set('Origin', SPA),
    ];
    expect(answers.map(corsHeadersOf)).toEqual([{}, {}, {}, {}]);
  });

  it('covers the introspection path and the metadata, and reads paths as Express routes them', async () => {
    for (const path of [
      '/api/oauth/introspect',
      '/.well-known/oauth-authorization-server',
      '/API/OAuth/Token/',
      '/api/workouts/',
    ]) {
      const res = await preflight(path, SPA);
      expect({
        path,
        status: res.status,
        origin: res.headers['access-control-allow-origin'],
      }).toEqual({ path, status: 204, origin: SPA });
    }
  });

  it('allows the origin of a new registration at once', async () => {
    const origin = 'http://127.0.0.1:47123';
    expect((await preflight('/api/workouts', origin)).headers['access-control-allow-origin']).toBe(
      undefined,
    );
    await createOAuth2Client(t, owner, { redirect_uris: [`${origin}/cb`] });
    expect((await preflight('/api/workouts', origin)).headers['access-control-allow-origin']).toBe(
      origin,
    );
  });

  it('answers a preflight on every path the document declares one for', async () => {
    const document = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
    ) as OpenAPIObject;
    const paths = Object.entries(document.paths)
      .filter(([, item]) => item.options !== undefined)
      .map(([path]) => path.replace(/\{[^}]+\}/g, '1'));
    expect(paths.length).toBeGreaterThan(20);
    const statuses = await Promise.all(
      paths.map(async (path) => `${path} ${String((await preflight(path, SPA)).status)}`),
    );
    expect(statuses).toEqual(paths.map((path) => `${path} 204`));
  });
});
