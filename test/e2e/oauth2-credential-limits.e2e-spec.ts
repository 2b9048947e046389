import request, { type Response } from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { addressOf, ATTEMPTS, hammer, statusCounts } from 'test/helpers/credential-limits';
import { expectOAuthError } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { consentCookie, csrfToken } from 'test/helpers/oauth2-consent';
import {
  authorizeCode,
  createOAuth2Client,
  exchangeCode,
  type TestClient,
  tokenRequest,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const ACCOUNT_LIMIT = 'rate limit exceeded (10 per 15 minute)';
const ADDRESS_LIMIT = 'rate limit exceeded (50 per 15 minute)';

/** RFC 6585 §4: 429 with Retry-After; the RFC 6749 §5.2 body; never stored (RFC 6749 §5.1). */
function expectTooManyAttempts(res: Response, description: string): void {
  expectOAuthError(res, 429, 'invalid_request', description);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['cache-control']).toBe('no-store');
}

describe('limits on the OAuth2 endpoints and the consent page (README "Limits")', () => {
  let t: TestApp;
  let ownerToken: string;

  beforeAll(async () => {
    // Behind a trusted proxy, so that the attacker can come from many addresses.
    t = await createTestApp({ TRUST_PROXY: 'loopback', API_RATE_LIMITS: '100000 per minute' });
    ownerToken = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(() => t.close());

  const newClient = (): Promise<TestClient> => createOAuth2Client(t, ownerToken);

  describe('POST /api/oauth/token', () => {
    it('refuses wrong client secrets past 10, while the right secret keeps working', async () => {
      const client = await newClient();
      const answers = await hammer(ATTEMPTS, (i) =>
        tokenRequest(t, {
          grant_type: 'authorization_code',
          client_id: client.client_id,
          client_secret: `wrong-${String(i)}`,
          code: 'c'.repeat(48),
        }).set('X-Forwarded-For', addressOf(i)),
      );
      expect(statusCounts(answers)).toEqual({ 400: 10, 429: ATTEMPTS - 10 });
      expectOAuthError(answers[0] as Response, 400, 'invalid_client');
      expectTooManyAttempts(answers.at(-1) as Response, ACCOUNT_LIMIT);
      const code = await authorizeCode(t, ownerToken, client);
      const res = await exchangeCode(t, client, code).set('X-Forwarded-For', '192.0.2.50');
      expect(res.status).toBe(200);
    });

    it('refuses wrong codes and refresh tokens past 10 for one client', async () => {
      const client = await newClient();
      const answers = await hammer(ATTEMPTS, (i) =>
        (i % 2 === 0
          ? exchangeCode(t, client, String(i).padStart(48, 'a'))
          : tokenRequest(t, {
              grant_type: 'refresh_token',
              client_id: client.client_id,
              client_secret: client.client_secret,
              refresh_token: String(i).padStart(48, 'r'),
            })
        ).set('X-Forwarded-For', addressOf(i)),
      );
      expect(statusCounts(answers)).toEqual({ 400: 10, 429: ATTEMPTS - 10 });
      expect((answers[0]?.body as { error?: unknown }).error).toBe('invalid_grant');
      expectTooManyAttempts(answers.at(-1) as Response, ACCOUNT_LIMIT);
      const code = await authorizeCode(t, ownerToken, client);
      expect(
        (await exchangeCode(t, client, code).set('X-Forwarded-For', '192.0.2.51')).status,
      ).toBe(200);
    });

    it('refuses an address past 50 failed checks, whatever the client', async () => {
      const answers = await hammer(ATTEMPTS, (i) =>
        tokenRequest(t, {
          grant_type: 'refresh_token',
          client_id: `unknown-client-${String(i)}`,
          client_secret: 'x'.repeat(48),
          refresh_token: 'r'.repeat(48),
        }).set('X-Forwarded-For', '192.0.2.52'),
      );
      expect(statusCounts(answers)).toEqual({ 400: 50, 429: ATTEMPTS - 50 });
      expectTooManyAttempts(answers.at(-1) as Response, ADDRESS_LIMIT);
    });
  });

  it('POST /api/oauth/revoke: refuses wrong client secrets past 10', async () => {
    const client = await newClient();
    const answers = await hammer(ATTEMPTS, (i) =>
      request(t.http)
        .post('/api/oauth/revoke')
        .type('form')
        .set('X-Forwarded-For', addressOf(i))
        .send({ client_id: client.client_id, client_secret: 'wrong', token: 'some-token' }),
    );
    expect(statusCounts(answers)).toEqual({ 400: 10, 429: ATTEMPTS - 10 });
    expectTooManyAttempts(answers.at(-1) as Response, ACCOUNT_LIMIT);
  });

  describe('the consent page login form', () => {
    let client: TestClient;
    beforeAll(async () => {
      client = await newClient();
    });

    const path = (): string =>
      `/profile/apps/authorize?response_type=code&client_id=${client.client_id}`;

    async function signIn(email: string, password: string, from: string): Promise<Response> {
      const page = await request(t.http).get(path()).set('X-Forwarded-For', from);
      return request(t.http)
        .post(path())
        .set('X-Forwarded-For', from)
        .set('Cookie', consentCookie(page))
        .type('form')
        .send({ csrf_token: csrfToken(page.text), action: 'login', email, password });
    }

    it('refuses 400 wrong passwords for one account past 10, with a page', async () => {
      const victim = await createUser(t.dataSource);
      const answers = await hammer(ATTEMPTS, (i) =>
        signIn(victim.email, `wrong-${String(i)}`, addressOf(i)),
      );
      expect(statusCounts(answers)).toEqual({ 401: 10, 429: ATTEMPTS - 10 });
      const limited = answers.at(-1) as Response;
      expect(limited.headers['content-type']).toMatch(/^text\/html/);
      expect(limited.text).toContain('Too many failed sign-in attempts.');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(csrfToken(limited.text)).not.toBe('');
      expect((await signIn(victim.email, DEFAULT_PASSWORD, '192.0.2.60')).status).toBe(429);
    });

    it('refuses 400 wrong passwords from one address past 50', async () => {
      const answers = await hammer(ATTEMPTS, (i) =>
        signIn(`nobody-${String(i)}@example.com`, 'wrong-password', '192.0.2.61'),
      );
      expect(statusCounts(answers)).toEqual({ 401: 50, 429: ATTEMPTS - 50 });
    });

    it('shares the account counter with POST /api/auth/login', async () => {
      const user = await createUser(t.dataSource);
      await hammer(10, (i) =>
        request(t.http)
          .post('/api/auth/login')
          .set('X-Forwarded-For', addressOf(i))
          .send({ email: user.email, password: 'wrong-password' }),
      );
      expect((await signIn(user.email, DEFAULT_PASSWORD, '192.0.2.62')).status).toBe(429);
    });
  });
});
