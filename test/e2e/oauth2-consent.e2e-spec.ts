import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { consentCookie, csrfToken } from 'test/helpers/oauth2-consent';
import {
  createOAuth2Client,
  exchangeCode,
  pkcePair,
  REDIRECT_URI,
  type TestClient,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('consent page /profile/apps/authorize (server-rendered)', () => {
  let t: TestApp;
  let user: User;
  let client: TestClient;
  const pkce = pkcePair();

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource, { email: 'Runner@Example.com' });
    client = await createOAuth2Client(t, firstPartyToken(t.app, user), {
      client_name: 'Watch <sync>',
      client_description: 'Imports my watch files',
      client_uri: 'https://sync.example.net',
      scope: 'profile:read workouts:read workouts:write',
    });
  });
  afterAll(() => t.close());

  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      scope: 'workouts:read users:read',
      state: 'xyz-state',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      redirect_uri: REDIRECT_URI,
      ...extra,
    }).toString();
  const path = (extra?: Record<string, string>) => `/profile/apps/authorize?${query(extra)}`;

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const first = await request(t.http).get(path());
    const login = await request(t.http)
      .post(path())
      .set('Cookie', consentCookie(first))
      .type('form')
      .send({
        csrf_token: csrfToken(first.text),
        action: 'login',
        email: 'runner@EXAMPLE.com',
        password: DEFAULT_PASSWORD,
      });
    expect(login.status).toBe(303);
    const back = new URL(login.headers['location'] as string, 'http://localhost');
    expect(back.pathname).toBe('/profile/apps/authorize');
    expect(Object.fromEntries(back.searchParams)).toEqual(
      Object.fromEntries(new URLSearchParams(query())),
    );
    const cookie = consentCookie(login);
    const consent = await request(t.http).get(path()).set('Cookie', cookie);
    return { cookie, csrf: csrfToken(consent.text) };
  }

  it('shows an error page, never a redirect, for an unknown client or redirect URI', async () => {
    const invalid: Record<string, string>[] = [
      { client_id: 'nope' },
      { redirect_uri: 'https://evil.example/cb' },
    ];
    for (const extra of invalid) {
      const res = await request(t.http).get(path(extra));
      expect(res.status).toBe(400);
      expect(res.headers['location']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('Invalid authorization request');
    }
  });

  it('shows other refusals on its own page too, never redirecting (RFC 9700 §4.11.2)', async () => {
    const res = await request(t.http).get(path({ response_type: 'token' }));
    expect(res.status).toBe(400);
    expect(res.headers['location']).toBeUndefined();
    expect(res.text).toContain('response_type must be &quot;code&quot;');
  });

  it('shows a login form with a hardened session cookie and anti-framing headers', async () => {
    const res = await request(t.http).get(path());
    expect(res.status).toBe(200);
    expect(res.text).toContain('<label for="email">Email</label>');
    expect(res.text).toContain('Watch &lt;sync&gt;');
    expect(res.text).not.toContain('<sync>');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    // X-Forwarded-Proto counts only from a proxy TRUST_PROXY names.
    const spoofed = await request(t.http).get(path()).set('X-Forwarded-Proto', 'https');
    expect((spoofed.headers['set-cookie'] as unknown as string[])[0]).not.toMatch(/; Secure/);
    const behindProxy = await createTestApp({ TRUST_PROXY: 'loopback' });
    try {
      const owner = await createUser(behindProxy.dataSource);
      const proxiedClient = await createOAuth2Client(
        behindProxy,
        firstPartyToken(behindProxy.app, owner),
      );
      const secure = await request(behindProxy.http)
        .get(`/profile/apps/authorize?response_type=code&client_id=${proxiedClient.client_id}`)
        .set('X-Forwarded-Proto', 'https');
      expect((secure.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure/);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a form without the CSRF token of the session', async () => {
    const first = await request(t.http).get(path());
    const forged = await request(t.http)
      .post(path())
      .set('Cookie', consentCookie(first))
      .type('form')
      .send({
        csrf_token: 'forged',
        action: 'login',
        email: 'runner@example.com',
        password: DEFAULT_PASSWORD,
      });
    expect(forged.status).toBe(403);
    const noCookie = await request(t.http)
      .post(path())
      .type('form')
      .send({ csrf_token: csrfToken(first.text), action: 'cancel' });
    expect(noCookie.status).toBe(403);
    expect(noCookie.headers['location']).toBeUndefined();
  });

  it('refuses wrong passwords and inactive accounts', async () => {
    const inactive = await createUser(t.dataSource, { isActive: false });
    for (const [email, password] of [
      ['runner@example.com', 'wrong-password'],
      [inactive.email, DEFAULT_PASSWORD],
      ['unknown@example.com', DEFAULT_PASSWORD],
    ]) {
      const first = await request(t.http).get(path());
      const res = await request(t.http)
        .post(path())
        .set('Cookie', consentCookie(first))
        .type('form')
        .send({ csrf_token: csrfToken(first.text), action: 'login', email, password });
      expect(res.status).toBe(401);
      expect(res.text).toContain('Invalid email or password.');
    }
  });

  it('names the app, its website, description and scopes in plain words', async () => {
    const { cookie } = await signIn();
    const res = await request(t.http).get(path()).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`Signed in as <strong>${user.username}</strong>`);
    expect(res.text).toContain('href="https://sync.example.net"');
    expect(res.text).toContain('Imports my watch files');
    expect(res.text).toContain('Read your workouts, records, sports and statistics');
    expect(res.text).not.toContain('Read user accounts');
    expect(res.text).toContain('value="authorize">Authorize</button>');
    expect(res.text).toContain('value="cancel">Cancel</button>');
  });

  it('redirects with a code and the state on Authorize; the code works with PKCE', async () => {
    const { cookie, csrf } = await signIn();
    const res = await request(t.http)
      .post(path())
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf_token: csrf, action: 'authorize' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers['location'] as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('xyz-state');
    const code = location.searchParams.get('code') ?? '';
    const token = await exchangeCode(t, client, code, {
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce.verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body.scope).toBe('workouts:read');
  });

  it('redirects with access_denied and the state on Cancel', async () => {
    const { cookie, csrf } = await signIn();
    const res = await request(t.http)
      .post(path())
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf_token: csrf, action: 'cancel' });
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`${REDIRECT_URI}?error=access_denied&state=xyz-state`);
  });
});
