import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { consentCookie, csrfToken } from 'test/helpers/oauth2-consent';
import { createOAuth2Client, pkcePair, type TestClient } from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** A client anyone could register, sending users to a site of its choosing. */
const ATTACKER_URI = 'https://attacker.example/phish';

describe('consent page: single-use forms and no redirect before the user chose', () => {
  let t: TestApp;
  let user: User;
  let client: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    const attacker = await createUser(t.dataSource);
    client = await createOAuth2Client(t, firstPartyToken(t.app, attacker), {
      redirect_uris: [ATTACKER_URI],
      scope: 'profile:read',
    });
  });
  afterAll(() => t.close());

  const path = (extra: Record<string, string> = {}): string =>
    `/profile/apps/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      scope: 'profile:read',
      state: 's1',
      ...extra,
    }).toString()}`;

  const post = (cookie: string, form: Record<string, string>, extra = {}): request.Test =>
    request(t.http).post(path(extra)).set('Cookie', cookie).type('form').send(form);

  /** Signs in through the form; returns the signed-in cookie and the consent page. */
  async function signIn(who: User = user): Promise<{ cookie: string; page: Response }> {
    const first = await request(t.http).get(path());
    const login = await post(consentCookie(first), {
      csrf_token: csrfToken(first.text),
      action: 'login',
      email: who.email,
      password: DEFAULT_PASSWORD,
    });
    expect(login.status).toBe(303);
    const cookie = consentCookie(login);
    return { cookie, page: await request(t.http).get(path()).set('Cookie', cookie) };
  }

  it('accepts a form once: replaying it gets no second code', async () => {
    const { cookie, page } = await signIn();
    const form = { csrf_token: csrfToken(page.text), action: 'authorize' };
    const [first, second] = await Promise.all([post(cookie, form), post(cookie, form)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([302, 403]);
    const again = await post(cookie, form);
    expect(again.status).toBe(403);
    expect(again.headers['location']).toBeUndefined();
    const codes = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM oauth2_authorization_codes WHERE user_id = $1',
      [user.id],
    );
    expect(codes[0]?.n).toBe(1);
  });

  it('gives every page its own token, each good once, so two tabs both work', async () => {
    const { cookie } = await signIn();
    const tabs = await Promise.all(
      [1, 2].map(() => request(t.http).get(path()).set('Cookie', cookie)),
    );
    const tokens = tabs.map((tab) => csrfToken(tab.text));
    expect(new Set(tokens).size).toBe(2);
    for (const token of tokens)
      expect((await post(cookie, { csrf_token: token, action: 'cancel' })).status).toBe(302);
  });

  it('refuses a sign-in form replayed with another password', async () => {
    const first = await request(t.http).get(path());
    const form = { csrf_token: csrfToken(first.text), action: 'login', email: user.email };
    const cookie = consentCookie(first);
    expect((await post(cookie, { ...form, password: 'wrong-password' })).status).toBe(401);
    expect((await post(cookie, { ...form, password: DEFAULT_PASSWORD })).status).toBe(403);
  });

  describe('refused requests are shown here, never sent to the redirect URI (RFC 9700 §4.11.2)', () => {
    const { challenge } = pkcePair();
    it.each([
      [
        'an unsupported response_type',
        { response_type: 'token' },
        'response_type must be &quot;code&quot;',
      ],
      [
        'a bad PKCE method',
        { code_challenge: challenge, code_challenge_method: 'S512' },
        'Unsupported &quot;code_challenge_method&quot;',
      ],
      [
        'scopes the client may not have',
        { scope: 'users:write' },
        'The requested scope is invalid, unknown, or malformed.',
      ],
    ])('%s, signed in or not', async (_name, extra, message) => {
      const { cookie } = await signIn();
      for (const req of [
        request(t.http).get(path(extra)),
        request(t.http).get(path(extra)).set('Cookie', cookie),
      ]) {
        const res = await req;
        expect(res.status).toBe(400);
        expect(res.headers['location']).toBeUndefined();
        expect(res.text).toContain(message);
        expect(res.text).not.toContain(ATTACKER_URI);
      }
      const submitted = await post(cookie, { csrf_token: 'x', action: 'cancel' }, extra);
      expect(submitted.status).toBe(400);
      expect(submitted.headers['location']).toBeUndefined();
    });

    it('sends Cancel back to the client only once the user signed in', async () => {
      const first = await request(t.http).get(path());
      const anonymous = await post(consentCookie(first), {
        csrf_token: csrfToken(first.text),
        action: 'cancel',
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['location']).toBeUndefined();
      const { cookie, page } = await signIn();
      expect(page.text).toContain(
        'sends you back to <strong id="redirect-destination">https://attacker.example</strong>',
      );
      const cancelled = await post(cookie, { csrf_token: csrfToken(page.text), action: 'cancel' });
      expect(cancelled.status).toBe(302);
      expect(cancelled.headers['location']).toBe(`${ATTACKER_URI}?error=access_denied&state=s1`);
    });
  });

  it('ends the consent session when the password changes', async () => {
    const owner = await createUser(t.dataSource);
    const { cookie, page } = await signIn(owner);
    expect(page.text).toContain(`Signed in as <strong>${owner.username}</strong>`);
    const changed = await request(t.http)
      .patch('/api/auth/profile/edit/account')
      .set(bearer(firstPartyToken(t.app, owner)))
      .send({ email: owner.email, password: DEFAULT_PASSWORD, new_password: 'a-new-password' });
    expect(changed.status).toBe(200);
    const after = await request(t.http).get(path()).set('Cookie', cookie);
    expect(after.text).toContain('<label for="email">Email</label>');
    const authorize = await post(cookie, {
      csrf_token: csrfToken(after.text),
      action: 'authorize',
    });
    expect(authorize.status).toBe(401);
    expect(authorize.headers['location']).toBeUndefined();
  });
});
