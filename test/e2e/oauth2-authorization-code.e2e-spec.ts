import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidToken,
  expectOAuthError,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  authorize,
  authorizeCode,
  createOAuth2Client,
  exchangeCode,
  pkcePair,
  REDIRECT_URI,
  refresh,
  type TestClient,
  tokenRequest,
} from 'test/helpers/oauth2-flow';
import { probeToken } from 'test/helpers/oauth2-probe';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('POST /api/oauth/token, authorization_code grant (as in FitTrackee)', () => {
  let t: TestApp;
  let user: User;
  let userToken: string;
  let client: TestClient;
  let otherClient: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    userToken = firstPartyToken(t.app, user);
    client = await createOAuth2Client(t, userToken);
    otherClient = await createOAuth2Client(t, userToken);
  });
  afterAll(() => t.close());

  const code = (fields: Record<string, string> = {}) => authorizeCode(t, userToken, client, fields);

  it('exchanges a code for a token pair, no-store', async () => {
    const res = await exchangeCode(
      t,
      client,
      await code({ scope: 'workouts:read users:read profile:read' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9]{42}$/),
      expires_in: 864000,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
      scope: 'workouts:read profile:read',
      token_type: 'Bearer',
    });
    expectInsufficientScope(await probeToken(t, res.body.access_token));
    const stored = await t.dataSource.query(
      'SELECT access_token_hash, refresh_token_hash FROM oauth2_tokens',
    );
    const hashes = JSON.stringify(stored);
    expect(hashes).not.toContain(res.body.access_token);
    expect(hashes).not.toContain(res.body.refresh_token);
  });

  it('refuses with invalid_scope when nothing requested is allowed (RFC 6749 §5.2)', async () => {
    const description = 'The requested scope is invalid, unknown, or malformed.';
    const fields = { client_id: client.client_id, response_type: 'code', confirm: 'true' };
    expectEnvelopeError(
      await authorize(t, userToken, { ...fields, scope: 'users:write' }),
      400,
      'error',
      description,
    );
    // A code asking for it all the same (issued before the check existed) gets no token.
    const value = await t.app.get(OAuth2CodesService).create({
      clientId: client.id,
      userId: user.id,
      redirectUri: null,
      scope: 'users:write',
      codeChallenge: null,
      codeChallengeMethod: null,
    });
    expectOAuthError(await exchangeCode(t, client, value), 400, 'invalid_scope', description);
  });

  it('omits scope when none was requested: that token passes no scope check', async () => {
    const res = await exchangeCode(t, client, await code({ scope: '' }));
    expect(res.status).toBe(200);
    expect(res.body.scope).toBeUndefined();
    expectInsufficientScope(await probeToken(t, res.body.access_token));
  });

  it('accepts multipart form bodies', async () => {
    const value = await code();
    const res = await request(t.http)
      .post('/api/oauth/token')
      .field('grant_type', 'authorization_code')
      .field('client_id', client.client_id)
      .field('client_secret', client.client_secret)
      .field('code', value);
    expect(res.status).toBe(200);
  });

  describe('error rows of the spec table', () => {
    it.each([[{}], [{ grant_type: 'password' }], [{ grant_type: 'client_credentials' }]])(
      'unsupported_grant_type first, for %p',
      async (fields) => {
        const res = await tokenRequest(t, fields);
        expectOAuthError(res, 400, 'unsupported_grant_type');
        expect(res.headers['cache-control']).toBe('no-store');
      },
    );

    it.each([
      ['no client_id', (c: TestClient) => ({ client_secret: c.client_secret })],
      ['no client_secret', (c: TestClient) => ({ client_id: c.client_id })],
      [
        'unknown client',
        (c: TestClient) => ({ client_id: 'x'.repeat(24), client_secret: c.client_secret }),
      ],
      [
        'wrong secret',
        (c: TestClient) => ({ client_id: c.client_id, client_secret: 'y'.repeat(48) }),
      ],
    ])('invalid_client with %s', async (_name, credentials) => {
      const res = await tokenRequest(t, {
        grant_type: 'authorization_code',
        code: await code(),
        ...credentials(client),
      });
      expectOAuthError(res, 400, 'invalid_client');
    });

    it('refuses client_secret_basic', async () => {
      const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
      const res = await request(t.http)
        .post('/api/oauth/token')
        .set('Authorization', `Basic ${basic}`)
        .type('form')
        .send({ grant_type: 'authorization_code', code: await code() });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_client');
    });

    it('invalid_request when code is missing', async () => {
      const res = await tokenRequest(t, {
        grant_type: 'authorization_code',
        client_id: client.client_id,
        client_secret: client.client_secret,
      });
      expectOAuthError(res, 400, 'invalid_request', 'Missing "code" in request.');
    });

    it('invalid_grant for an unknown code', async () => {
      expectOAuthError(
        await exchangeCode(t, client, 'a'.repeat(48)),
        400,
        'invalid_grant',
        'Invalid "code" in request.',
      );
    });

    it('invalid_grant for an expired code (300 s)', async () => {
      const value = await code();
      await t.dataSource.query(
        `UPDATE oauth2_authorization_codes SET auth_time = auth_time - interval '301 seconds'`,
      );
      expectOAuthError(
        await exchangeCode(t, client, value),
        400,
        'invalid_grant',
        'Invalid "code" in request.',
      );
    });

    it('invalid_grant for a code issued to another client (wrong client)', async () => {
      const value = await code();
      expectOAuthError(
        await exchangeCode(t, otherClient, value),
        400,
        'invalid_grant',
        'Invalid "code" in request.',
      );
    });

    it('invalid_grant when redirect_uri differs from the authorization request', async () => {
      const value = await code({ redirect_uri: REDIRECT_URI });
      expectOAuthError(
        await exchangeCode(t, client, value),
        400,
        'invalid_grant',
        'Invalid "redirect_uri" in request.',
      );
      const other = await code({ redirect_uri: REDIRECT_URI });
      expectOAuthError(
        await exchangeCode(t, client, other, { redirect_uri: `${REDIRECT_URI}/x` }),
        400,
        'invalid_grant',
        'Invalid "redirect_uri" in request.',
      );
      const good = await code({ redirect_uri: REDIRECT_URI });
      expect((await exchangeCode(t, client, good, { redirect_uri: REDIRECT_URI })).status).toBe(
        200,
      );
    });

    it('does not check redirect_uri when none was sent to authorize', async () => {
      const res = await exchangeCode(t, client, await code(), {
        redirect_uri: 'https://elsewhere.example/cb',
      });
      expect(res.status).toBe(200);
    });
  });

  describe('PKCE (RFC 7636)', () => {
    it.each([['S256' as const], ['plain' as const]])(
      'accepts a matching %s verifier',
      async (method) => {
        const { verifier, challenge } = pkcePair(method);
        const value = await code({ code_challenge: challenge, code_challenge_method: method });
        expect((await exchangeCode(t, client, value, { code_verifier: verifier })).status).toBe(
          200,
        );
      },
    );

    it('assumes plain when the challenge has no method', async () => {
      const { verifier, challenge } = pkcePair('plain');
      const value = await code({ code_challenge: challenge });
      expect((await exchangeCode(t, client, value, { code_verifier: verifier })).status).toBe(200);
    });

    it('refuses a downgrade: a code issued with a challenge exchanged without verifier', async () => {
      const value = await code({
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      });
      expectOAuthError(
        await exchangeCode(t, client, value),
        400,
        'invalid_request',
        'Missing "code_verifier"',
      );
    });

    it('refuses a malformed verifier', async () => {
      const value = await code({
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      });
      expectOAuthError(
        await exchangeCode(t, client, value, { code_verifier: 'short' }),
        400,
        'invalid_request',
        'Invalid "code_verifier"',
      );
    });

    it('refuses a verifier that does not match', async () => {
      const value = await code({
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      });
      expectOAuthError(
        await exchangeCode(t, client, value, { code_verifier: pkcePair().verifier }),
        400,
        'invalid_grant',
        'Code challenge failed.',
      );
    });

    it('refuses a verifier for a code issued without challenge', async () => {
      expectOAuthError(
        await exchangeCode(t, client, await code(), { code_verifier: pkcePair().verifier }),
        400,
        'invalid_grant',
        'Code challenge failed.',
      );
    });
  });

  describe('single use', () => {
    it('refuses a used code and revokes every token issued from it', async () => {
      const value = await code();
      const first = await exchangeCode(t, client, value);
      expect(first.status).toBe(200);
      const rotated = await refresh(t, client, first.body.refresh_token);
      expect(rotated.status).toBe(200);
      expectInsufficientScope(await probeToken(t, rotated.body.access_token));

      expectOAuthError(
        await exchangeCode(t, client, value),
        400,
        'invalid_grant',
        'Invalid "code" in request.',
      );
      expectInvalidToken(await probeToken(t, rotated.body.access_token));
      expectOAuthError(await refresh(t, client, rotated.body.refresh_token), 400, 'invalid_grant');
    });
  });
});
