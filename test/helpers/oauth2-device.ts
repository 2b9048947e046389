import { hashSecret } from 'src/oauth2/tokens/secrets';
import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { DEFAULT_PASSWORD } from 'test/helpers/factories';
import { consentCookie, csrfToken } from 'test/helpers/oauth2-consent';
import { type TestClient, tokenRequest } from 'test/helpers/oauth2-flow';
import type { TestApp } from 'test/setup/test-app';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const DEVICE_PAGE = '/profile/apps/device';

export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** The client's credentials as a form: a public client (no secret in the answer) sends none. */
export function credentials(client: TestClient): Record<string, string> {
  return client.client_secret
    ? { client_id: client.client_id, client_secret: client.client_secret }
    : { client_id: client.client_id };
}

export function deviceAuthorizationRequest(
  t: TestApp,
  fields: Record<string, string>,
): request.Test {
  return request(t.http).post('/api/oauth/device_authorization').type('form').send(fields);
}

export async function startDeviceFlow(
  t: TestApp,
  client: TestClient,
  scope = client.scope,
): Promise<DeviceAuthorization> {
  const res = await deviceAuthorizationRequest(t, { ...credentials(client), scope });
  if (res.status !== 200) throw new Error(`device authorization: ${JSON.stringify(res.body)}`);
  return res.body as DeviceAuthorization;
}

export function poll(t: TestApp, client: TestClient, deviceCode: string): request.Test {
  return tokenRequest(t, {
    grant_type: DEVICE_GRANT,
    device_code: deviceCode,
    ...credentials(client),
  });
}

/** Lets time pass for one request: its last poll moves one interval back, or it expires. */
export async function timePasses(
  t: TestApp,
  deviceCode: string,
  what: 'one interval' | 'expiry',
): Promise<void> {
  const hash = hashSecret(deviceCode);
  if (what === 'expiry')
    await t.dataSource.query(
      'UPDATE oauth2_device_codes SET expires_at = $1 WHERE device_code_hash = $2',
      [new Date(Date.now() - 1000), hash],
    );
  else
    await t.dataSource.query(
      `UPDATE oauth2_device_codes SET last_polled_at = last_polled_at - make_interval(secs => "interval")
        WHERE device_code_hash = $1`,
      [hash],
    );
}

/** A browser on the verification page: its session cookie and the last page it got. */
export interface VerificationBrowser {
  cookie: string;
  page: Response;
}

export function postPage(
  t: TestApp,
  browser: VerificationBrowser,
  form: Record<string, string>,
  query = '',
): request.Test {
  return request(t.http)
    .post(`${DEVICE_PAGE}${query}`)
    .set('Cookie', browser.cookie)
    .type('form')
    .send({ csrf_token: csrfToken(browser.page.text), ...form });
}

/** Opens the verification page (maybe with `?user_code=`) and signs in through its form. */
export async function signInOnPage(
  t: TestApp,
  user: User,
  query = '',
): Promise<VerificationBrowser> {
  const first = await request(t.http).get(`${DEVICE_PAGE}${query}`);
  const login = await postPage(
    t,
    { cookie: consentCookie(first), page: first },
    { action: 'login', email: user.email, password: DEFAULT_PASSWORD },
    query,
  );
  if (login.status !== 303) throw new Error(`sign-in failed: ${String(login.status)}`);
  const cookie = consentCookie(login);
  const location = String(login.headers['location']);
  return { cookie, page: await request(t.http).get(location).set('Cookie', cookie) };
}

/** Types a code, then clicks Authorize or Cancel on the consent screen; the last page. */
export async function decide(
  t: TestApp,
  browser: VerificationBrowser,
  userCode: string,
  action: 'authorize' | 'cancel',
): Promise<Response> {
  const consent = await postPage(t, browser, { action: 'code', user_code: userCode });
  if (consent.status !== 200) throw new Error(`code refused: ${consent.text}`);
  browser.page = consent;
  const done = await postPage(t, browser, { action, user_code: userCode });
  browser.page = done;
  return done;
}

/** Opens the verification page again with the same session (a fresh form). */
export async function reload(t: TestApp, browser: VerificationBrowser): Promise<void> {
  browser.page = await request(t.http).get(DEVICE_PAGE).set('Cookie', browser.cookie);
}
