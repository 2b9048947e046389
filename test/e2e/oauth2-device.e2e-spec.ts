import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectInvalidToken, expectOAuthError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { consentCookie } from 'test/helpers/oauth2-consent';
import {
  decide,
  DEVICE_GRANT,
  DEVICE_PAGE,
  deviceAuthorizationRequest,
  poll,
  postPage,
  reload,
  signInOnPage,
  startDeviceFlow,
  timePasses,
} from 'test/helpers/oauth2-device';
import { createOAuth2Client, refresh, type TestClient } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;
const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed.';
const INVALID_DEVICE_CODE = 'Invalid "device_code" in request.';

/** An RFC 8628 §3.5 error: 400, the RFC 6749 body, never cached. */
function expectDeviceError(res: Response, error: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error });
  expect(typeof res.body.error_description).toBe('string');
  expect(res.headers['cache-control']).toBe('no-store');
}

describe('OAuth2 device authorization grant (RFC 8628, docs/oauth2.md#device-flow)', () => {
  let t: TestApp;
  let owner: User;
  let runner: User;
  let confidential: TestClient;
  let publicClient: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createUser(t.dataSource);
    runner = await createUser(t.dataSource, { email: 'runner@example.com' });
    const ownerToken = firstPartyToken(t.app, owner);
    confidential = await createOAuth2Client(t, ownerToken, {
      client_name: 'Watch uploader',
      scope: 'profile:read workouts:read',
    });
    publicClient = await createOAuth2Client(t, ownerToken, {
      client_name: 'Terminal client',
      token_endpoint_auth_method: 'none',
      scope: 'workouts:read',
    });
  });
  afterAll(() => t.close());

  it('is announced in the RFC 8414 metadata', async () => {
    const res = await request(t.http).get('/.well-known/oauth-authorization-server').expect(200);
    expect(res.body.device_authorization_endpoint).toBe(
      'http://localhost:5000/api/oauth/device_authorization',
    );
    expect(res.body.grant_types_supported).toEqual([
      'authorization_code',
      'refresh_token',
      DEVICE_GRANT,
    ]);
  });

  describe('device authorization request (§3.1, §3.2)', () => {
    it('answers the codes, the short verification URI and the timings, storing digests only', async () => {
      const res = await deviceAuthorizationRequest(t, {
        client_id: confidential.client_id,
        client_secret: confidential.client_secret,
        scope: 'workouts:read',
      });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.body as Record<string, unknown>;
      expect(body).toEqual({
        device_code: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        user_code: expect.stringMatching(USER_CODE),
        verification_uri: 'http://localhost:5000/device',
        verification_uri_complete: `http://localhost:5000/device?user_code=${String(body['user_code'])}`,
        expires_in: 600,
        interval: 5,
      });
      const rows: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT * FROM oauth2_device_codes',
      );
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(String(body['device_code']));
      expect(stored).not.toContain(String(body['user_code']).replace('-', ''));
    });

    it('authenticates clients as the token endpoint does', async () => {
      const { client_id, client_secret } = confidential;
      const refusals: Record<string, string>[] = [
        { client_id },
        { client_id, client_secret: 'wrong' },
        { client_id: 'unknown-client' },
        { client_id: publicClient.client_id, client_secret: 'anything' },
      ];
      for (const form of refusals)
        expect((await deviceAuthorizationRequest(t, form)).body.error).toBe('invalid_client');
      const basic = await deviceAuthorizationRequest(t, { client_id }).set(
        'Authorization',
        `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`,
      );
      expect({ status: basic.status, error: basic.body.error }).toEqual({
        status: 400,
        error: 'invalid_client',
      });
      const open = await deviceAuthorizationRequest(t, { client_id: publicClient.client_id });
      expect(open.status).toBe(200);
    });

    it('refuses plain HTTP as the other OAuth2 endpoints do', async () => {
      const res = await deviceAuthorizationRequest(t, { client_id: publicClient.client_id }).set(
        'X-Forwarded-Proto',
        'http',
      );
      expectOAuthError(res, 400, 'insecure_transport', 'OAuth 2 MUST utilize https.');
    });

    it('checks the scope as the authorization endpoint does', async () => {
      const refused = await deviceAuthorizationRequest(t, {
        client_id: publicClient.client_id,
        scope: 'users:write application:write',
      });
      expectOAuthError(refused, 400, 'invalid_scope', INVALID_SCOPE);
      expect(refused.headers['cache-control']).toBe('no-store');
      const partly = await deviceAuthorizationRequest(t, {
        client_id: publicClient.client_id,
        scope: 'users:write workouts:read',
      });
      expect(partly.status).toBe(200);
    });
  });

  describe('polling (§3.4, §3.5)', () => {
    it('pending, slow_down (+5 s, kept), approval on the page, tokens that work, then single use', async () => {
      const flow = await startDeviceFlow(t, confidential, 'workouts:read');
      expectDeviceError(await poll(t, confidential, flow.device_code), 'authorization_pending');
      const fast = await poll(t, confidential, flow.device_code);
      expectDeviceError(fast, 'slow_down');
      expect(fast.body.error_description).toContain('10 seconds');
      await timePasses(t, flow.device_code, 'one interval');
      expectDeviceError(await poll(t, confidential, flow.device_code), 'authorization_pending');

      const browser = await signInOnPage(t, runner, `?user_code=${flow.user_code}`);
      expect(browser.page.text).toContain(`value="${flow.user_code}"`);
      const consent = await postPage(t, browser, { action: 'code', user_code: flow.user_code });
      expect(consent.status).toBe(200);
      expect(consent.text).toContain('Authorize <span id="client-name">Watch uploader</span>?');
      expect(consent.text).toContain('(workouts:read)');
      expect(consent.text).not.toContain('(profile:read)');
      expect(consent.text).toContain(`<strong id="user-code">${flow.user_code}</strong>`);
      browser.page = consent;
      const done = await postPage(t, browser, { action: 'authorize', user_code: flow.user_code });
      expect(done.status).toBe(200);
      expect(done.text).toContain('Device connected');

      // Still within the (now 10 s) interval: the approval is delivered all the same.
      const res = await poll(t, confidential, flow.device_code);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9]{42}$/),
        refresh_token: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        expires_in: 864000,
        scope: 'workouts:read',
        token_type: 'Bearer',
      });
      const workouts = await request(t.http)
        .get('/api/workouts')
        .set(bearer(res.body.access_token));
      expect(workouts.status).toBe(200);
      const profile = await request(t.http)
        .get('/api/auth/profile')
        .set(bearer(res.body.access_token));
      expect(profile.status).toBe(403);

      expectOAuthError(
        await poll(t, confidential, flow.device_code),
        400,
        'invalid_grant',
        INVALID_DEVICE_CODE,
      );
      const rotated = await refresh(t, confidential, res.body.refresh_token);
      expect(rotated.status).toBe(200);
      expect(rotated.body.scope).toBe('workouts:read');
      expectInvalidToken(
        await request(t.http).get('/api/workouts').set(bearer(res.body.access_token)),
      );
      const me = await request(t.http)
        .get('/api/workouts')
        .set(bearer(rotated.body.access_token))
        .expect(200);
      expect(me.body.status).toBe('success');
    });

    it('a public client polls with client_id alone and refreshes the same way', async () => {
      const flow = await startDeviceFlow(t, publicClient);
      const browser = await signInOnPage(t, runner);
      // Case and dash do not matter (RFC 8628 §6.1).
      const done = await decide(
        t,
        browser,
        flow.user_code.replace('-', '').toLowerCase(),
        'authorize',
      );
      expect(done.text).toContain('Device connected');
      const res = await poll(t, publicClient, flow.device_code);
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('workouts:read');
      const rotated = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        client_id: publicClient.client_id,
        refresh_token: res.body.refresh_token,
      });
      expect(rotated.status).toBe(200);
      await request(t.http).get('/api/workouts').set(bearer(rotated.body.access_token)).expect(200);
    });

    it('lists the device-authorized app among the connected apps, and revoking it ends its tokens', async () => {
      const user = await createUser(t.dataSource, { email: 'watch-owner@example.com' });
      const flow = await startDeviceFlow(t, publicClient);
      const browser = await signInOnPage(t, user);
      expect((await decide(t, browser, flow.user_code, 'authorize')).text).toContain(
        'Device connected',
      );
      const res = await poll(t, publicClient, flow.device_code);
      expect(res.status).toBe(200);
      const userToken = firstPartyToken(t.app, user);
      const listed = await request(t.http).get('/api/oauth/authorized_apps').set(bearer(userToken));
      expect(listed.status).toBe(200);
      expect(listed.body.data.authorized_apps).toEqual([
        expect.objectContaining({ client_id: publicClient.client_id, scope: 'workouts:read' }),
      ]);
      await request(t.http)
        .delete(`/api/oauth/authorized_apps/${publicClient.client_id}`)
        .set(bearer(userToken))
        .expect(204);
      expectInvalidToken(
        await request(t.http).get('/api/workouts').set(bearer(res.body.access_token)),
      );
      const refreshed = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        client_id: publicClient.client_id,
        refresh_token: res.body.refresh_token,
      });
      expectOAuthError(refreshed, 400, 'invalid_grant');
    });

    const tokenCount = async (): Promise<number> => {
      const rows: { n: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM oauth2_tokens',
      );
      return rows[0]?.n ?? -1;
    };

    it('access_denied once the user cancels, for every later poll too', async () => {
      const before = await tokenCount();
      const flow = await startDeviceFlow(t, confidential);
      const browser = await signInOnPage(t, runner);
      const done = await decide(t, browser, flow.user_code, 'cancel');
      expect(done.text).toContain('Access denied');
      expectDeviceError(await poll(t, confidential, flow.device_code), 'access_denied');
      await timePasses(t, flow.device_code, 'one interval');
      expectDeviceError(await poll(t, confidential, flow.device_code), 'access_denied');
      expect(await tokenCount()).toBe(before);
    });

    it('expired_token once the codes expired; the page refuses the code too', async () => {
      const flow = await startDeviceFlow(t, confidential);
      await timePasses(t, flow.device_code, 'expiry');
      expectDeviceError(await poll(t, confidential, flow.device_code), 'expired_token');
      const browser = await signInOnPage(t, runner);
      const refused = await postPage(t, browser, { action: 'code', user_code: flow.user_code });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('This code is not valid');
    });

    it('a new password ends an approval not exchanged yet', async () => {
      const user = await createUser(t.dataSource);
      const flow = await startDeviceFlow(t, confidential);
      await decide(t, await signInOnPage(t, user), flow.user_code, 'authorize');
      await t.dataSource.query("UPDATE users SET password = 'changed' WHERE id = $1", [user.id]);
      expectOAuthError(
        await poll(t, confidential, flow.device_code),
        400,
        'invalid_grant',
        INVALID_DEVICE_CODE,
      );
    });

    it('invalid_grant for unknown codes and another client’s; invalid_request without one', async () => {
      const flow = await startDeviceFlow(t, confidential);
      expectOAuthError(
        await poll(t, publicClient, flow.device_code),
        400,
        'invalid_grant',
        INVALID_DEVICE_CODE,
      );
      expectOAuthError(
        await poll(t, confidential, 'A'.repeat(48)),
        400,
        'invalid_grant',
        INVALID_DEVICE_CODE,
      );
      const missing = await request(t.http)
        .post('/api/oauth/token')
        .type('form')
        .send({ grant_type: DEVICE_GRANT, client_id: publicClient.client_id });
      expectOAuthError(missing, 400, 'invalid_request', 'Missing "device_code" in request.');
      const noSecret = await request(t.http).post('/api/oauth/token').type('form').send({
        grant_type: DEVICE_GRANT,
        client_id: confidential.client_id,
        device_code: flow.device_code,
      });
      expect(noSecret.body.error).toBe('invalid_client');
      // The refusals did not consume the request: it is still pending for its own client.
      expectDeviceError(await poll(t, confidential, flow.device_code), 'authorization_pending');
    });
  });

  describe('verification page (§3.3)', () => {
    it('has a short address that keeps the code', async () => {
      const res = await request(t.http).get('/device?user_code=WDJB-MJHT');
      expect(res.status).toBe(303);
      expect(res.headers['location']).toBe(`${DEVICE_PAGE}?user_code=WDJB-MJHT`);
      const bare = await request(t.http).get('/device');
      expect(bare.headers['location']).toBe(DEVICE_PAGE);
    });

    it('asks to sign in first, and accepts each form once', async () => {
      const first = await request(t.http).get(`${DEVICE_PAGE}?user_code=WDJB-MJHT`);
      expect(first.status).toBe(200);
      expect(first.text).toContain('Sign in to connect a device');
      expect(first.headers['content-security-policy']).toContain("frame-ancestors 'none'");

      const flow = await startDeviceFlow(t, confidential);
      const browser = await signInOnPage(t, runner);
      const form = { action: 'code', user_code: flow.user_code };
      expect((await postPage(t, browser, form)).status).toBe(200);
      const replay = await postPage(t, browser, form);
      expect(replay.status).toBe(403);
      expect(replay.text).toContain('Session expired');
      const forged = await request(t.http)
        .post(DEVICE_PAGE)
        .set('Cookie', browser.cookie)
        .type('form')
        .send({ ...form, csrf_token: 'forged' });
      expect(forged.status).toBe(403);
      expectDeviceError(await poll(t, confidential, flow.device_code), 'authorization_pending');
    });

    it('takes no code before the sign-in', async () => {
      const first = await request(t.http).get(DEVICE_PAGE);
      const res = await postPage(
        t,
        { cookie: consentCookie(first), page: first },
        { action: 'code', user_code: 'WDJB-MJHT' },
      );
      expect(res.status).toBe(401);
      expect(res.text).toContain('Sign in to connect a device');
    });

    it('refuses code entry for a while after too many wrong codes', async () => {
      const guesser = await createUser(t.dataSource);
      const flow = await startDeviceFlow(t, confidential);
      const browser = await signInOnPage(t, guesser);
      for (let i = 0; i < 10; i += 1) {
        const wrong = await postPage(t, browser, { action: 'code', user_code: 'BBBB-BBBB' });
        expect(wrong.status).toBe(400);
        browser.page = wrong;
      }
      const limited = await postPage(t, browser, { action: 'code', user_code: flow.user_code });
      expect(limited.status).toBe(429);
      expect(limited.text).toContain('Too many wrong codes');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await reload(t, browser);
      expect(
        (await postPage(t, browser, { action: 'code', user_code: flow.user_code })).status,
      ).toBe(429);
      // Another user may still enter it: the limit is the guesser's.
      const owner2 = await signInOnPage(t, runner);
      expect((await decide(t, owner2, flow.user_code, 'authorize')).status).toBe(200);
      expect((await poll(t, confidential, flow.device_code)).status).toBe(200);
    });
  });
});
