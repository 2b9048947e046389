import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { consentCookie, csrfToken } from 'test/helpers/oauth2-consent';
import {
  createOAuth2Client,
  exchangeCode,
  pkcePair,
  REDIRECT_URI,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const OTHER_URI = 'https://app.example.net/other-callback';
const CONSENT_SCREEN = 'value="authorize">Authorize</button>';

describe('remembered consent on /profile/apps/authorize (docs/oauth2.md#remembered-consent)', () => {
  let t: TestApp;
  let user: User;
  let client: TestClient;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    const owner = await createUser(t.dataSource);
    client = await createOAuth2Client(t, firstPartyToken(t.app, owner), {
      redirect_uris: [REDIRECT_URI, OTHER_URI],
      scope: 'profile:read workouts:read workouts:write',
    });
    cookie = await signIn();
  });
  afterAll(() => t.close());

  interface AuthorizeRequest {
    scope?: string;
    redirect_uri?: string;
    pkce?: 'S256' | 'plain' | 'none';
  }

  /** An authorization request with a fresh PKCE pair; returns the path and the verifier. */
  function authorizePath(req: AuthorizeRequest = {}): { path: string; verifier: string } {
    const { verifier, challenge } = pkcePair(req.pkce === 'plain' ? 'plain' : 'S256');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      scope: req.scope ?? 'profile:read workouts:read',
      state: 'st',
      redirect_uri: req.redirect_uri ?? REDIRECT_URI,
    });
    if (req.pkce !== 'none') {
      query.set('code_challenge', challenge);
      query.set('code_challenge_method', req.pkce ?? 'S256');
    }
    return { path: `/profile/apps/authorize?${query.toString()}`, verifier };
  }

  async function signIn(): Promise<string> {
    const { path } = authorizePath();
    const first = await request(t.http).get(path);
    const login = await request(t.http)
      .post(path)
      .set('Cookie', consentCookie(first))
      .type('form')
      .send({
        csrf_token: csrfToken(first.text),
        action: 'login',
        email: user.email,
        password: DEFAULT_PASSWORD,
      });
    expect(login.status).toBe(303);
    return consentCookie(login);
  }

  const showSignedIn = (path: string): request.Test =>
    request(t.http).get(path).set('Cookie', cookie);

  /** Shows the consent screen and clicks Authorize; returns the token pair. */
  async function consent(req: AuthorizeRequest = {}): Promise<TokenPair> {
    const { path, verifier } = authorizePath(req);
    const page = await showSignedIn(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain(CONSENT_SCREEN);
    const res = await request(t.http)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf_token: csrfToken(page.text), action: 'authorize' });
    expect(res.status).toBe(302);
    return redeem(res, verifier, req.redirect_uri ?? REDIRECT_URI);
  }

  async function redeem(res: Response, verifier: string, redirectUri: string): Promise<TokenPair> {
    const location = new URL(res.headers['location'] as string);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('st');
    const token = await exchangeCode(t, client, location.searchParams.get('code') ?? '', {
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    return token.body as TokenPair;
  }

  /** The screen is skipped: straight back to the app with a code that works with PKCE. */
  async function expectSkipped(req: AuthorizeRequest = {}): Promise<TokenPair> {
    const { path, verifier } = authorizePath(req);
    const res = await showSignedIn(path);
    expect(res.status).toBe(302);
    return redeem(res, verifier, req.redirect_uri ?? REDIRECT_URI);
  }

  async function expectScreen(req: AuthorizeRequest): Promise<void> {
    const res = await showSignedIn(authorizePath(req).path);
    expect(res.status).toBe(200);
    expect(res.text).toContain(CONSENT_SCREEN);
  }

  const revokeApp = (): request.Test =>
    request(t.http)
      .delete(`/api/oauth/authorized_apps/${client.client_id}`)
      .set(bearer(firstPartyToken(t.app, user)))
      .expect(204);

  it('skips the screen for the same or fewer scopes and the same redirect URI', async () => {
    await consent();
    expect((await expectSkipped()).scope).toBe('profile:read workouts:read');
    expect((await expectSkipped({ scope: 'workouts:read' })).scope).toBe('workouts:read');
  });

  it('still needs a signed-in browser session', async () => {
    const res = await request(t.http).get(authorizePath().path);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<label for="email">Email</label>');
  });

  it('shows the screen again for more scopes, another redirect URI or no S256 challenge', async () => {
    await expectScreen({ scope: 'profile:read workouts:read workouts:write' });
    await expectScreen({ scope: 'profile:read users:read' });
    await expectScreen({ redirect_uri: OTHER_URI });
    await expectScreen({ pkce: 'none' });
    await expectScreen({ pkce: 'plain' });
  });

  it('remembers the added scopes once the user consents to them', async () => {
    await consent({ scope: 'workouts:write' });
    expect((await expectSkipped({ scope: 'profile:read workouts:write' })).scope).toBe(
      'profile:read workouts:write',
    );
  });

  it('forgets the consent when the user revokes the app', async () => {
    const tokens = await expectSkipped();
    await revokeApp();
    await expectScreen({});
    const res = await request(t.http).get('/api/auth/profile').set(bearer(tokens.access_token));
    expect(res.status).toBe(401);
    await consent();
    await expectSkipped();
  });
});
