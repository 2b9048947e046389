import request, { type Response } from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { expectOAuthError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  issueOAuth2Tokens,
  refresh,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { personalAccessToken } from 'test/helpers/personal-access-tokens';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const EXPIRES_IN = 864000;

/**
 * RFC 7662 at `POST /api/oauth/introspect` (docs/oauth2.md#introspection): a client learns about
 * its own tokens only; everything else is `{"active": false}`.
 */
describe('OAuth2 token introspection (RFC 7662)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const introspect = (client: TestClient, fields: Record<string, string>): request.Test =>
    request(t.http)
      .post('/api/oauth/introspect')
      .type('form')
      .send({ client_id: client.client_id, client_secret: client.client_secret, ...fields });

  const grant = async (scope = 'profile:read workouts:read') => {
    const user = await createUser(t.dataSource);
    return { user, ...(await issueOAuth2Tokens(t, user, scope)) };
  };

  function expectInactive(res: Response): void {
    expect({ code: res.status, body: res.body as unknown }).toEqual({
      code: 200,
      body: { active: false },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  }

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  describe('the client’s own tokens', () => {
    it('describes an active access token', async () => {
      const { user, client, access_token } = await grant();
      const res = await introspect(client, { token: access_token });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        active: true,
        scope: 'profile:read workouts:read',
        client_id: client.client_id,
        username: user.username,
        iat: expect.any(Number),
        exp: expect.any(Number),
        token_type: 'Bearer',
      });
      const { iat, exp } = res.body as { iat: number; exp: number };
      expect(Math.abs(iat - nowSeconds())).toBeLessThanOrEqual(5);
      expect(exp).toBe(iat + EXPIRES_IN);
    });

    it('describes an active refresh token, found with or without a hint', async () => {
      const { user, client, refresh_token } = await grant('workouts:read');
      const expected = {
        active: true,
        scope: 'workouts:read',
        client_id: client.client_id,
        username: user.username,
        iat: expect.any(Number),
        exp: expect.any(Number),
        token_type: 'refresh_token',
      };
      for (const hint of [undefined, 'refresh_token', 'access_token', 'something_else']) {
        const res = await introspect(client, {
          token: refresh_token,
          ...(hint === undefined ? {} : { token_type_hint: hint }),
        });
        expect({ hint, code: res.status, body: res.body as unknown }).toEqual({
          hint,
          code: 200,
          body: expected,
        });
        const { iat, exp } = res.body as { iat: number; exp: number };
        expect(exp).toBe(iat + 2 * EXPIRES_IN);
      }
    });

    it('finds an access token under the refresh_token hint too (RFC 7662 §2.1)', async () => {
      const { client, access_token } = await grant();
      const res = await introspect(client, {
        token: access_token,
        token_type_hint: 'refresh_token',
      });
      expect(res.body).toMatchObject({ active: true, token_type: 'Bearer' });
    });

    it('leaves out the scope of a token granted none', async () => {
      const { client, access_token } = await grant('');
      const res = await introspect(client, { token: access_token });
      expect(res.body).toMatchObject({ active: true, token_type: 'Bearer' });
      expect(res.body).not.toHaveProperty('scope');
    });
  });

  describe('inactive tokens', () => {
    it('never describes another client’s token, even of the same user', async () => {
      const mine = await grant();
      const theirs = await issueOAuth2Tokens(t, mine.user, 'profile:read workouts:read');
      expectInactive(await introspect(theirs.client, { token: mine.access_token }));
      expectInactive(await introspect(theirs.client, { token: mine.refresh_token }));
      // The owner still sees it as active: the refusal was about the caller.
      expect((await introspect(mine.client, { token: mine.access_token })).body.active).toBe(true);
    });

    it('answers inactive for both tokens of a revoked pair', async () => {
      const { client, access_token, refresh_token } = await grant();
      const revoked = await request(t.http).post('/api/oauth/revoke').type('form').send({
        client_id: client.client_id,
        client_secret: client.client_secret,
        token: access_token,
      });
      expect(revoked.status).toBe(200);
      expectInactive(await introspect(client, { token: access_token }));
      expectInactive(await introspect(client, { token: refresh_token }));
    });

    it('answers inactive for a pair rotated by a refresh, active for the new one', async () => {
      const old = await grant();
      const rotated = await refresh(t, old.client, old.refresh_token);
      expect(rotated.status).toBe(200);
      expectInactive(await introspect(old.client, { token: old.access_token }));
      expectInactive(await introspect(old.client, { token: old.refresh_token }));
      const fresh = rotated.body as TokenPair;
      expect((await introspect(old.client, { token: fresh.access_token })).body.active).toBe(true);
    });

    it('answers inactive for an expired access token, and for its refresh token past 2 × expires_in', async () => {
      const { client, access_token, refresh_token } = await grant();
      const age = async (seconds: number): Promise<void> => {
        await t.dataSource.query(
          `UPDATE oauth2_tokens SET issued_at = issued_at - $2 * interval '1 second' WHERE client_id = $1`,
          [client.id, seconds],
        );
      };
      await age(EXPIRES_IN + 1);
      expectInactive(await introspect(client, { token: access_token }));
      expect((await introspect(client, { token: refresh_token })).body.active).toBe(true);
      await age(EXPIRES_IN);
      expectInactive(await introspect(client, { token: refresh_token }));
    });

    it('answers inactive for the tokens of an inactive user', async () => {
      const { user, client, access_token, refresh_token } = await grant();
      await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
      expectInactive(await introspect(client, { token: access_token }));
      expectInactive(await introspect(client, { token: refresh_token }));
    });

    it('answers inactive for a personal access token, a first-party token and unknown text', async () => {
      const { user, client } = await grant();
      const pat = await personalAccessToken(t, user, 'profile:read');
      for (const token of [pat, firstPartyToken(t.app, user), 'x'.repeat(42), 'unknown'])
        expectInactive(await introspect(client, { token }));
    });
  });

  describe('client authentication and requests', () => {
    it('refuses a wrong, missing or unknown client with 401 invalid_client (RFC 7662 §2.3)', async () => {
      const { client, access_token } = await grant();
      const attempts: Record<string, string>[] = [
        { client_id: client.client_id, client_secret: 'wrong' },
        { client_id: client.client_id },
        { client_id: client.client_id, client_secret: '' },
        { client_id: 'unknown-client', client_secret: client.client_secret },
        {},
      ];
      for (const credentials of attempts) {
        const res = await request(t.http)
          .post('/api/oauth/introspect')
          .type('form')
          .send({ token: access_token, ...credentials });
        expect(res.body.error).toBe('invalid_client');
        expect(res.status).toBe(401);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('refuses HTTP Basic client authentication with 401 invalid_client', async () => {
      const { client, access_token } = await grant();
      const res = await request(t.http)
        .post('/api/oauth/introspect')
        .auth(client.client_id, client.client_secret)
        .type('form')
        .send({ token: access_token });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_client');
    });

    it('answers invalid_request without a token', async () => {
      const { client } = await grant();
      expectOAuthError(await introspect(client, {}), 400, 'invalid_request');
      expectOAuthError(await introspect(client, { token: '' }), 400, 'invalid_request');
    });

    it('limits failed client authentications as the token endpoint does; the right secret still works', async () => {
      const { client, access_token } = await grant();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const res = await request(t.http)
          .post('/api/oauth/introspect')
          .type('form')
          .send({ client_id: client.client_id, client_secret: `wrong-${String(i)}`, token: 'x' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      const limited = await request(t.http)
        .post('/api/oauth/introspect')
        .type('form')
        .send({ client_id: client.client_id, client_secret: 'wrong-again', token: 'x' });
      expectOAuthError(limited, 429, 'invalid_request', 'rate limit exceeded (10 per 15 minute)');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await introspect(client, { token: access_token })).body.active).toBe(true);
    });

    it('is listed in the authorization server metadata (RFC 8414 §2)', async () => {
      const res = await request(t.http).get('/.well-known/oauth-authorization-server');
      expect(res.body).toMatchObject({
        introspection_endpoint: `${String(res.body.issuer)}/api/oauth/introspect`,
        introspection_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    });
  });
});
