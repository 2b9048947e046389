import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import {
  expectForbidden,
  expectInsufficientScope,
  expectInvalidToken,
  expectOAuthError,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  issueOAuth2Tokens,
  refresh,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { probeToken } from 'test/helpers/oauth2-probe';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('OAuth2 refresh, revocation and resource protection (FitTrackee `POST /api/oauth/token`, `POST /api/oauth/revoke`, docs/oauth2.md#resource-protection)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const grant = async (scope = 'profile:read workouts:read') =>
    issueOAuth2Tokens(t, await createUser(t.dataSource), scope);

  const revoke = (client: TestClient, fields: Record<string, string>) =>
    request(t.http)
      .post('/api/oauth/revoke')
      .type('form')
      .send({ client_id: client.client_id, client_secret: client.client_secret, ...fields });

  describe('refresh_token grant', () => {
    it('rotates the pair and revokes the old one', async () => {
      const old = await grant();
      const res = await refresh(t, old.client, old.refresh_token);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9]{42}$/),
        expires_in: 864000,
        refresh_token: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        scope: 'profile:read workouts:read',
        token_type: 'Bearer',
      });
      expect(res.body.access_token).not.toBe(old.access_token);
      expect(res.body.refresh_token).not.toBe(old.refresh_token);
      expectInvalidToken(await probeToken(t, old.access_token));
      expectInsufficientScope(await probeToken(t, res.body.access_token));
    });

    it('detects reuse of a rotated refresh token and revokes the whole family', async () => {
      const old = await grant();
      const first = await refresh(t, old.client, old.refresh_token);
      const second = await refresh(t, old.client, first.body.refresh_token);
      expect(second.status).toBe(200);
      expectOAuthError(await refresh(t, old.client, old.refresh_token), 400, 'invalid_grant');
      expectInvalidToken(await probeToken(t, second.body.access_token));
      expectOAuthError(
        await refresh(t, old.client, second.body.refresh_token),
        400,
        'invalid_grant',
      );
    });

    it('narrows the scope on request', async () => {
      const old = await grant();
      const res = await refresh(t, old.client, old.refresh_token, { scope: 'workouts:read' });
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('workouts:read');
    });

    it('refuses a wider scope without burning the refresh token', async () => {
      const old = await grant('profile:read');
      expectOAuthError(
        await refresh(t, old.client, old.refresh_token, { scope: 'profile:read workouts:read' }),
        400,
        'invalid_scope',
        'The requested scope is invalid, unknown, or malformed.',
      );
      expect((await refresh(t, old.client, old.refresh_token)).status).toBe(200);
    });

    it('refuses any scope when the original had none', async () => {
      const old = await grant('');
      expect(old.scope).toBeUndefined();
      expectOAuthError(
        await refresh(t, old.client, old.refresh_token, { scope: 'profile:read' }),
        400,
        'invalid_scope',
        'The requested scope is invalid, unknown, or malformed.',
      );
    });

    it('invalid_request without refresh_token', async () => {
      const old = await grant();
      const res = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        client_id: old.client.client_id,
        client_secret: old.client.client_secret,
      });
      expectOAuthError(res, 400, 'invalid_request', 'Missing "refresh_token" in request.');
    });

    it('invalid_grant for unknown, foreign or too old refresh tokens', async () => {
      const old = await grant();
      const other = await grant();
      expectOAuthError(await refresh(t, old.client, 'z'.repeat(48)), 400, 'invalid_grant');
      expectOAuthError(await refresh(t, other.client, old.refresh_token), 400, 'invalid_grant');
      await t.dataSource.query(
        `UPDATE oauth2_tokens SET issued_at = issued_at - interval '1728001 seconds' WHERE client_id = $1`,
        [old.client.id],
      );
      expectOAuthError(await refresh(t, old.client, old.refresh_token), 400, 'invalid_grant');
    });

    it('refreshes after the access token expired, within 2 × expires_in', async () => {
      const old = await grant();
      await t.dataSource.query(
        `UPDATE oauth2_tokens SET issued_at = issued_at - interval '1000000 seconds' WHERE client_id = $1`,
        [old.client.id],
      );
      expectInvalidToken(await probeToken(t, old.access_token));
      expect((await refresh(t, old.client, old.refresh_token)).status).toBe(200);
    });
  });

  // Authlib reads the form only (RFC 6749 §4.1.3 and RFC 7009 §2.1 define form bodies): a JSON
  // body carries no field, whatever it holds, and nothing is rotated or revoked.
  it('reads form fields only: a JSON token or revocation request changes nothing', async () => {
    const pair = await grant();
    const fields = { client_id: pair.client.client_id, client_secret: pair.client.client_secret };
    const jsonRefresh = await request(t.http)
      .post('/api/oauth/token')
      .send({ ...fields, grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expectOAuthError(jsonRefresh, 400, 'unsupported_grant_type');
    const jsonRevoke = await request(t.http)
      .post('/api/oauth/revoke')
      .send({ ...fields, token: pair.access_token });
    expectOAuthError(jsonRevoke, 400, 'invalid_client');
    expectInsufficientScope(await probeToken(t, pair.access_token));
    expect((await refresh(t, pair.client, pair.refresh_token)).status).toBe(200);
  });

  describe('POST /api/oauth/revoke (RFC 7009)', () => {
    it('revokes the pair from its access token', async () => {
      const pair = await grant();
      const res = await revoke(pair.client, { token: pair.access_token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(res.headers['cache-control']).toBe('no-store');
      expectInvalidToken(await probeToken(t, pair.access_token));
      expectOAuthError(await refresh(t, pair.client, pair.refresh_token), 400, 'invalid_grant');
    });

    it('revokes the pair from its refresh token, with or without hint', async () => {
      const hints: Record<string, string>[] = [{}, { token_type_hint: 'refresh_token' }];
      for (const hint of hints) {
        const pair: TokenPair & { client: TestClient } = await grant();
        expect((await revoke(pair.client, { token: pair.refresh_token, ...hint })).status).toBe(
          200,
        );
        expectInvalidToken(await probeToken(t, pair.access_token));
      }
    });

    it('answers {} for unknown tokens and ignores tokens of other clients', async () => {
      const pair = await grant();
      const other = await grant();
      expect((await revoke(pair.client, { token: 'nope' })).body).toEqual({});
      const res = await revoke(other.client, { token: pair.access_token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expectInsufficientScope(await probeToken(t, pair.access_token));
    });

    it('checks the client, then the token, then the hint', async () => {
      const pair = await grant();
      const noSecret = await request(t.http).post('/api/oauth/revoke').type('form').send({
        client_id: pair.client.client_id,
        token: pair.access_token,
      });
      expectOAuthError(noSecret, 400, 'invalid_client');
      expectOAuthError(await revoke(pair.client, {}), 400, 'invalid_request');
      expectOAuthError(
        await revoke(pair.client, { token: pair.access_token, token_type_hint: 'id_token' }),
        401,
        'unsupported_token_type',
      );
      expectInsufficientScope(await probeToken(t, pair.access_token));
    });
  });

  describe('resource protection (docs/oauth2.md#resource-protection)', () => {
    it('refuses unknown and expired access tokens with invalid_token', async () => {
      expectInvalidToken(await probeToken(t, 'A'.repeat(42)));
      const pair = await grant();
      await t.dataSource.query(
        `UPDATE oauth2_tokens SET issued_at = issued_at - interval '864001 seconds' WHERE client_id = $1`,
        [pair.client.id],
      );
      expectInvalidToken(await probeToken(t, pair.access_token));
    });

    it('needs the Bearer scheme for OAuth2 tokens', async () => {
      const pair = await grant();
      const res = await request(t.http)
        .patch('/api/config')
        .set('Authorization', `Token ${pair.access_token}`);
      expectOAuthError(res, 401, 'unsupported_token_type');
    });

    it('checks the scope before the admin rule, then the active flag', async () => {
      const admin = await createUser(t.dataSource, { admin: true });
      const adminNoScope = await issueOAuth2Tokens(t, admin, 'profile:read');
      expectInsufficientScope(await probeToken(t, adminNoScope.access_token));

      const user = await createUser(t.dataSource);
      const userWithScope = await issueOAuth2Tokens(t, user, 'application:write');
      expectForbidden(await probeToken(t, userWithScope.access_token));

      const adminWithScope = await issueOAuth2Tokens(t, admin, 'application:write');
      const ok = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminWithScope.access_token))
        .send({ about: 'through OAuth2' });
      expect(ok.status).toBe(200);

      await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [admin.id]);
      expectUnauthorized(await probeToken(t, adminWithScope.access_token));
    });
  });
});
