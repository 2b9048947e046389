import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidPayload,
  expectOAuthError,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  authorize,
  createOAuth2Client,
  issueOAuth2Tokens,
  pkcePair,
  REDIRECT_URI,
  type TestClient,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const DENIED = 'The resource owner or authorization server denied the request';

describe('POST /api/oauth/authorize (as in FitTrackee), metadata and transport', () => {
  let t: TestApp;
  let userToken: string;
  let client: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    userToken = firstPartyToken(t.app, await createUser(t.dataSource));
    client = await createOAuth2Client(t, userToken, {
      redirect_uris: [REDIRECT_URI, 'https://app.example.net/other?x=1'],
    });
  });
  afterAll(() => t.close());

  const base = () => ({ client_id: client.client_id, response_type: 'code', confirm: 'true' });

  it('answers the redirect URL with a code and the state', async () => {
    const res = await authorize(t, userToken, {
      ...base(),
      scope: 'profile:read',
      state: 'af0ifjsldkj',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      redirect_url: expect.stringMatching(
        /^https:\/\/app\.example\.net\/callback\?code=[A-Za-z0-9]{48}&state=af0ifjsldkj$/,
      ),
    });
  });

  it('appends to a registered redirect URI that has a query', async () => {
    const res = await authorize(t, userToken, {
      ...base(),
      redirect_uri: 'https://app.example.net/other?x=1',
    });
    expect(res.body.redirect_url).toMatch(
      /^https:\/\/app\.example\.net\/other\?x=1&code=[A-Za-z0-9]{48}$/,
    );
  });

  describe('reads form fields only, as FitTrackee does', () => {
    const codeCount = async (): Promise<number> => {
      const rows: { count: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM oauth2_authorization_codes',
      );
      return rows[0]?.count ?? -1;
    };
    const post = () => request(t.http).post('/api/oauth/authorize').set(bearer(userToken));

    it.each([
      ['a JSON body', () => ({ ...base(), confirm: true })],
      ['a JSON body with confirm "true"', base],
    ])('answers invalid payload to %s and issues no code', async (_name, body) => {
      const before = await codeCount();
      expectInvalidPayload(await post().send(body()));
      expect(await codeCount()).toBe(before);
    });

    it('answers invalid payload to fields in the query string or in a text body', async () => {
      const query = new URLSearchParams(base()).toString();
      expectInvalidPayload(await post().query(query));
      expectInvalidPayload(await post().type('text/plain').send(query));
    });

    it('accepts multipart fields, and refuses a NUL in them as invalid_request', async () => {
      const multipart = (fields: Record<string, string>) => {
        const test = post();
        for (const [name, value] of Object.entries(fields)) void test.field(name, value);
        return test;
      };
      const res = await multipart({ ...base(), state: 'multi' });
      expect(res.status).toBe(200);
      expect(res.body.redirect_url).toMatch(/[?&]state=multi$/);
      expectOAuthError(
        await multipart({ ...base(), state: 'a\u0000b' }),
        400,
        'invalid_request',
        'state: NUL characters are not allowed',
      );
    });
  });

  it.each([
    ['an empty form', {}],
    ['no client_id', { response_type: 'code', confirm: 'true' }],
    ['no response_type', { client_id: 'x', confirm: 'true' }],
    ['response_type token', { client_id: 'x', response_type: 'token', confirm: 'true' }],
  ])('invalid payload for %s', async (_name, fields) => {
    expectInvalidPayload(await authorize(t, userToken, fields));
  });

  it.each([[{ confirm: undefined }], [{ confirm: 'false' }], [{ confirm: 'yes' }]])(
    'denies without confirm=true (%p)',
    async (change) => {
      const fields: Record<string, string> = { ...base() };
      if (change.confirm === undefined) delete fields['confirm'];
      else fields['confirm'] = change.confirm;
      expectEnvelopeError(await authorize(t, userToken, fields), 400, 'error', DENIED);
    },
  );

  it('accepts TRUE in any case', async () => {
    expect((await authorize(t, userToken, { ...base(), confirm: 'TRUE' })).status).toBe(200);
  });

  it('checks the PKCE parameters', async () => {
    const { challenge } = pkcePair();
    expectEnvelopeError(
      await authorize(t, userToken, {
        ...base(),
        code_challenge: challenge,
        code_challenge_method: 'S512',
      }),
      400,
      'error',
      'Unsupported "code_challenge_method"',
    );
    expectEnvelopeError(
      await authorize(t, userToken, { ...base(), code_challenge_method: 'S256' }),
      400,
      'error',
      'Missing "code_challenge"',
    );
    expectEnvelopeError(
      await authorize(t, userToken, { ...base(), code_challenge: 'short' }),
      400,
      'error',
      'Invalid "code_challenge"',
    );
  });

  it('answers a clear 400 for an unknown client or an unregistered redirect URI', async () => {
    expectEnvelopeError(
      await authorize(t, userToken, { ...base(), client_id: 'unknownclient' }),
      400,
      'error',
      'OAuth2 client not found',
    );
    expectEnvelopeError(
      await authorize(t, userToken, { ...base(), redirect_uri: 'https://evil.example/cb' }),
      400,
      'error',
      'Invalid "redirect_uri" in request.',
    );
  });

  it('refuses OAuth2 tokens (first-party only, docs/oauth2.md#first-party-only)', async () => {
    const tokens = await issueOAuth2Tokens(t, await createUser(t.dataSource), 'profile:read');
    expectInsufficientScope(
      await request(t.http)
        .post('/api/oauth/authorize')
        .set(bearer(tokens.access_token))
        .type('form')
        .send(base()),
    );
  });

  describe('https requirement (docs/oauth2.md#https)', () => {
    const token = () =>
      request(t.http).post('/api/oauth/token').type('form').send({ grant_type: 'password' });

    it('refuses plain http on a non-loopback host with insecure_transport', async () => {
      for (const path of ['/api/oauth/token', '/api/oauth/revoke']) {
        const res = await request(t.http)
          .post(path)
          .set('Host', 'tracker.example.org')
          .type('form')
          .send({});
        expectOAuthError(res, 400, 'insecure_transport', 'OAuth 2 MUST utilize https.');
      }
      const res = await authorize(t, userToken, base()).set('Host', 'tracker.example.org');
      expectOAuthError(res, 400, 'insecure_transport', 'OAuth 2 MUST utilize https.');
    });

    it('honours X-Forwarded-Proto from a trusted proxy only, and allows loopback', async () => {
      // Without TRUST_PROXY, anyone could send the header: it is not believed.
      const untrusted = await token()
        .set('Host', 'tracker.example.org')
        .set('X-Forwarded-Proto', 'https');
      expectOAuthError(untrusted, 400, 'insecure_transport', 'OAuth 2 MUST utilize https.');
      expectOAuthError(await token().set('Host', 'localhost:5000'), 400, 'unsupported_grant_type');
      const behindProxy = await createTestApp({ TRUST_PROXY: 'loopback' });
      try {
        const viaProxy = () =>
          request(behindProxy.http)
            .post('/api/oauth/token')
            .type('form')
            .send({ grant_type: 'password' })
            .set('Host', 'tracker.example.org');
        expectOAuthError(
          await viaProxy().set('X-Forwarded-Proto', 'https'),
          400,
          'unsupported_grant_type',
        );
        expectOAuthError(
          await viaProxy().set('X-Forwarded-Proto', 'http'),
          400,
          'insecure_transport',
          'OAuth 2 MUST utilize https.',
        );
      } finally {
        await behindProxy.close();
      }
    });

    it('is lifted by AUTHLIB_INSECURE_TRANSPORT', async () => {
      const insecure = await createTestApp({
        AUTHLIB_INSECURE_TRANSPORT: '1',
        OAUTH2_TOKEN_EXPIRES_IN: '60',
      });
      try {
        const res = await request(insecure.http)
          .post('/api/oauth/token')
          .set('Host', 'tracker.example.org')
          .type('form')
          .send({ grant_type: 'password' });
        expectOAuthError(res, 400, 'unsupported_grant_type');
        const owner = await createUser(insecure.dataSource);
        const pair = await issueOAuth2Tokens(insecure, owner, 'profile:read');
        const refreshed = await request(insecure.http).post('/api/oauth/token').type('form').send({
          grant_type: 'refresh_token',
          client_id: pair.client.client_id,
          client_secret: pair.client.client_secret,
          refresh_token: pair.refresh_token,
        });
        expect(refreshed.body.expires_in).toBe(60);
      } finally {
        await insecure.close();
      }
    });
  });

  it('publishes RFC 8414 metadata outside /api', async () => {
    const res = await request(t.http).get('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      issuer: 'http://localhost:5000',
      authorization_endpoint: 'http://localhost:5000/profile/apps/authorize',
      token_endpoint: 'http://localhost:5000/api/oauth/token',
      revocation_endpoint: 'http://localhost:5000/api/oauth/revoke',
      introspection_endpoint: 'http://localhost:5000/api/oauth/introspect',
      introspection_endpoint_auth_methods_supported: ['client_secret_post'],
      device_authorization_endpoint: 'http://localhost:5000/api/oauth/device_authorization',
      scopes_supported: [
        'application:write',
        'profile:read',
        'profile:write',
        'users:read',
        'users:write',
        'workouts:read',
        'workouts:write',
      ],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
      ],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
      code_challenge_methods_supported: ['S256', 'plain'],
    });
  });
});
