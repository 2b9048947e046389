import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
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
  pkcePair,
  REDIRECT_URI,
  type TestClient,
  tokenRequest,
} from 'test/helpers/oauth2-flow';
import { probeToken } from 'test/helpers/oauth2-probe';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const NATIVE_REDIRECT = 'com.example.app:/oauth2redirect';
const S256_REQUIRED = 'Public clients must use PKCE with code_challenge_method S256';

describe('OAuth2 public clients (docs/oauth2.md#public-clients, RFC 6749 §2.1, RFC 8252)', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(() => t.close());

  const createPublic = (metadata: Record<string, unknown> = {}): Promise<TestClient> =>
    createOAuth2Client(t, owner, { token_endpoint_auth_method: 'none', ...metadata });

  /** A code for `client` with an S256 challenge; returns the code and its verifier. */
  async function codeWithPkce(
    client: TestClient,
    fields: Record<string, string> = {},
  ): Promise<{ code: string; verifier: string }> {
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(t, owner, client, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...fields,
    });
    return { code, verifier };
  }

  const exchange = (client: TestClient, code: string, fields: Record<string, string>) =>
    tokenRequest(t, {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      code,
      ...fields,
    });

  describe('registration', () => {
    it('issues no secret and says the client is public, everywhere it is shown', async () => {
      const res = await request(t.http)
        .post('/api/oauth/apps')
        .set(bearer(owner))
        .send({
          client_name: 'Phone app',
          client_uri: 'https://phone.example.net',
          redirect_uris: [NATIVE_REDIRECT, 'http://127.0.0.1/callback'],
          scope: 'workouts:read',
          token_endpoint_auth_method: 'none',
        });
      expect(res.status).toBe(201);
      const client = res.body.data.client;
      expect(client).toEqual({
        client_description: null,
        client_id: expect.stringMatching(/^[A-Za-z0-9]{24}$/),
        id: expect.any(Number),
        issued_at: expect.any(String),
        name: 'Phone app',
        redirect_uris: [NATIVE_REDIRECT, 'http://127.0.0.1/callback'],
        scope: 'workouts:read',
        token_endpoint_auth_method: 'none',
        website: 'https://phone.example.net',
      });
      const fetched = await request(t.http)
        .get(`/api/oauth/apps/${client.client_id}`)
        .set(bearer(owner))
        .expect(200);
      expect(fetched.body.data.client).toEqual(client);
      const listed = await request(t.http).get('/api/oauth/apps').set(bearer(owner)).expect(200);
      expect(listed.body.data.clients[0]).toEqual(client);
      const stored = await t.dataSource.query(
        'SELECT client_secret_hash, token_endpoint_auth_method FROM oauth2_clients WHERE id = $1',
        [client.id],
      );
      expect(stored).toEqual([{ client_secret_hash: null, token_endpoint_auth_method: 'none' }]);
    });

    it('keeps the FitTrackee answer of a confidential client, explicit or not', async () => {
      const explicit = await createOAuth2Client(t, owner, {
        token_endpoint_auth_method: 'client_secret_post',
      });
      expect(Object.keys(explicit).sort()).toEqual([
        'client_description',
        'client_id',
        'client_secret',
        'id',
        'issued_at',
        'name',
        'redirect_uris',
        'scope',
        'website',
      ]);
    });

    it.each([['client_secret_basic'], ['private_key_jwt'], [3], ['']])(
      'refuses token_endpoint_auth_method %p',
      async (method) => {
        const res = await request(t.http)
          .post('/api/oauth/apps')
          .set(bearer(owner))
          .send({
            client_name: 'App',
            client_uri: 'https://app.example.net',
            redirect_uris: [REDIRECT_URI],
            scope: 'profile:read',
            token_endpoint_auth_method: method,
          });
        expectEnvelopeError(
          res,
          400,
          'error',
          'OAuth2 client token_endpoint_auth_method must be "client_secret_post" or "none"',
        );
      },
    );

    it('accepts a private-use scheme for a public client only (RFC 8252 §7.1, §8.4)', async () => {
      const res = await request(t.http)
        .post('/api/oauth/apps')
        .set(bearer(owner))
        .send({
          client_name: 'Server app',
          client_uri: 'https://app.example.net',
          redirect_uris: [REDIRECT_URI, NATIVE_REDIRECT],
          scope: 'profile:read',
        });
      expectEnvelopeError(
        res,
        400,
        'error',
        `OAuth2 client invalid redirect URI "${NATIVE_REDIRECT}": private-use URI schemes are ` +
          'only allowed for public clients (token_endpoint_auth_method "none")',
      );
      const client = await createPublic({ redirect_uris: [NATIVE_REDIRECT] });
      const { verifier, challenge } = pkcePair();
      const granted = await authorize(t, owner, {
        client_id: client.client_id,
        response_type: 'code',
        redirect_uri: NATIVE_REDIRECT,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'xyz',
        confirm: 'true',
      }).expect(200);
      const redirect = new URL(granted.body.redirect_url as string);
      expect(`${redirect.protocol}${redirect.pathname}`).toBe(NATIVE_REDIRECT);
      expect(redirect.searchParams.get('state')).toBe('xyz');
      const code = redirect.searchParams.get('code') ?? '';
      await exchange(client, code, {
        code_verifier: verifier,
        redirect_uri: NATIVE_REDIRECT,
      }).expect(200);
    });
  });

  describe('Authorization Code with PKCE and no secret', () => {
    it('gets tokens, refreshes with rotation, detects reuse and revokes', async () => {
      const client = await createPublic();
      const { code, verifier } = await codeWithPkce(client);
      const first = await exchange(client, code, { code_verifier: verifier });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9]{42}$/),
        expires_in: 864000,
        refresh_token: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        scope: 'profile:read workouts:read',
        token_type: 'Bearer',
      });
      await request(t.http).get('/api/workouts').set(bearer(first.body.access_token)).expect(200);

      const refreshOf = (refreshToken: string) =>
        tokenRequest(t, {
          grant_type: 'refresh_token',
          client_id: client.client_id,
          refresh_token: refreshToken,
        });
      const second = await refreshOf(first.body.refresh_token).expect(200);
      expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
      expectInvalidToken(await probeToken(t, first.body.access_token));
      expectInsufficientScope(await probeToken(t, second.body.access_token));

      // RFC 9700 §4.14.2: a rotated refresh token presented again ends the whole family.
      expectOAuthError(await refreshOf(first.body.refresh_token), 400, 'invalid_grant');
      expectInvalidToken(await probeToken(t, second.body.access_token));
      expectOAuthError(await refreshOf(second.body.refresh_token), 400, 'invalid_grant');

      const third = await exchange(client, (await codeWithPkce(client)).code, {
        code_verifier: 'wrong-verifier-wrong-verifier-wrong-verifier-0',
      });
      expectOAuthError(third, 400, 'invalid_grant', 'Code challenge failed.');
    });

    it('revokes with client_id alone (RFC 7009 §2.1)', async () => {
      const client = await createPublic();
      const { code, verifier } = await codeWithPkce(client);
      const tokens = await exchange(client, code, { code_verifier: verifier }).expect(200);
      const res = await request(t.http)
        .post('/api/oauth/revoke')
        .type('form')
        .send({ client_id: client.client_id, token: tokens.body.refresh_token })
        .expect(200);
      expect(res.body).toEqual({});
      expectInvalidToken(await probeToken(t, tokens.body.access_token));
    });

    it('refuses a secret sent by a public client', async () => {
      const client = await createPublic();
      const { code, verifier } = await codeWithPkce(client);
      expectOAuthError(
        await exchange(client, code, { code_verifier: verifier, client_secret: 'guess' }),
        400,
        'invalid_client',
        'this client is public (token_endpoint_auth_method "none"): send client_id without ' +
          'client_secret',
      );
    });

    it.each([
      [
        'no PKCE',
        {},
        `Missing "code_challenge": ${S256_REQUIRED.charAt(0).toLowerCase()}${S256_REQUIRED.slice(1)}`,
      ],
      ['plain', { code_challenge_method: 'plain' }, S256_REQUIRED],
      ['a challenge without method (plain, RFC 7636 §4.3)', {}, S256_REQUIRED],
    ])('refuses an authorization request with %s', async (what, fields, message) => {
      const client = await createPublic();
      const { challenge } = pkcePair('plain');
      const res = await authorize(t, owner, {
        client_id: client.client_id,
        response_type: 'code',
        confirm: 'true',
        ...(what === 'no PKCE' ? {} : { code_challenge: challenge }),
        ...fields,
      });
      expectEnvelopeError(res, 400, 'error', message);
    });

    it('shows the refusal on the consent page, never redirecting', async () => {
      const client = await createPublic();
      const res = await request(t.http).get(
        `/profile/apps/authorize?client_id=${client.client_id}&response_type=code`,
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain('Missing &quot;code_challenge&quot;');
    });
  });

  it('counts failed grants of a public client per address, never locking its client_id', async () => {
    const client = await createPublic();
    const failures = [];
    for (let i = 0; i < 12; i += 1)
      failures.push(
        await tokenRequest(t, {
          grant_type: 'refresh_token',
          client_id: client.client_id,
          refresh_token: `unknown-${String(i)}`,
        }),
      );
    expect(failures.map((res) => res.status)).toEqual(Array<number>(12).fill(400));
    const { code, verifier } = await codeWithPkce(client);
    await exchange(client, code, { code_verifier: verifier }).expect(200);
  });

  describe('a confidential client without its secret', () => {
    it('is refused at the token and revocation endpoints, as before', async () => {
      const client = await createOAuth2Client(t, owner);
      const { code, verifier } = await codeWithPkce(client);
      expectOAuthError(
        await exchange(client, code, { code_verifier: verifier }),
        400,
        'invalid_client',
      );
      expectOAuthError(
        await exchange(client, code, { code_verifier: verifier, client_secret: '' }),
        400,
        'invalid_client',
      );
      expectOAuthError(
        await request(t.http)
          .post('/api/oauth/revoke')
          .type('form')
          .send({ client_id: client.client_id, token: 'x' }),
        400,
        'invalid_client',
      );
    });
  });

  describe('loopback redirect URIs (RFC 8252 §7.3)', () => {
    it('match on any port for 127.0.0.1 and [::1], exactly otherwise', async () => {
      const client = await createPublic({
        redirect_uris: [
          'http://127.0.0.1/callback',
          'http://[::1]:8080/cb?app=1',
          'http://localhost:3000/cb',
        ],
      });
      for (const uri of [
        'http://127.0.0.1:49152/callback',
        'http://127.0.0.1/callback',
        'http://[::1]:51000/cb?app=1',
        'http://localhost:3000/cb',
      ]) {
        const { code, verifier } = await codeWithPkce(client, { redirect_uri: uri });
        const res = await exchange(client, code, { code_verifier: verifier, redirect_uri: uri });
        expect({ uri, status: res.status }).toEqual({ uri, status: 200 });
      }
      for (const uri of [
        'http://127.0.0.1:49152/other',
        'http://[::1]:51000/cb',
        'http://localhost:3001/cb',
        'https://127.0.0.1:49152/callback',
        'http://127.0.0.2:49152/callback',
      ]) {
        const { challenge } = pkcePair();
        const res = await authorize(t, owner, {
          client_id: client.client_id,
          response_type: 'code',
          redirect_uri: uri,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          confirm: 'true',
        });
        expect({ uri, body: res.body }).toEqual({
          uri,
          body: { status: 'error', message: 'Invalid "redirect_uri" in request.' },
        });
      }
    });

    it('must be sent again, port included, with the code', async () => {
      const client = await createPublic({ redirect_uris: ['http://127.0.0.1/callback'] });
      const { code, verifier } = await codeWithPkce(client, {
        redirect_uri: 'http://127.0.0.1:50001/callback',
      });
      expectOAuthError(
        await exchange(client, code, {
          code_verifier: verifier,
          redirect_uri: 'http://127.0.0.1:50002/callback',
        }),
        400,
        'invalid_grant',
        'Invalid "redirect_uri" in request.',
      );
    });
  });

  it('lists `none` in the RFC 8414 metadata', async () => {
    const res = await request(t.http).get('/.well-known/oauth-authorization-server').expect(200);
    expect(res.body.token_endpoint_auth_methods_supported).toEqual(['client_secret_post', 'none']);
    expect(res.body.revocation_endpoint_auth_methods_supported).toEqual([
      'client_secret_post',
      'none',
    ]);
  });
});
