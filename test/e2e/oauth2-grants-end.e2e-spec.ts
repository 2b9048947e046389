import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectInvalidToken, expectOAuthError } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import {
  authorizeCode,
  createOAuth2Client,
  exchangeCode,
  issueOAuth2Tokens,
  refresh,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const profile = (t: TestApp, accessToken: string): request.Test =>
  request(t.http).get('/api/auth/profile').set(bearer(accessToken));

describe('OAuth2 grants end with the account and with its password (RFC 9700 §4.14.2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Two token pairs and one unused code of `user`, all usable. */
  async function grants(user: User): Promise<{
    pairs: (TokenPair & { client: TestClient })[];
    code: string;
  }> {
    const pairs = [
      await issueOAuth2Tokens(t, user, 'profile:read'),
      await issueOAuth2Tokens(t, user, 'profile:read'),
    ];
    for (const pair of pairs) expect((await profile(t, pair.access_token)).status).toBe(200);
    const code = await authorizeCode(
      t,
      firstPartyToken(t.app, user),
      pairs[0]?.client as TestClient,
    );
    return { pairs, code };
  }

  async function expectAllEnded(found: Awaited<ReturnType<typeof grants>>): Promise<void> {
    for (const pair of found.pairs) {
      expectInvalidToken(await profile(t, pair.access_token));
      expectOAuthError(await refresh(t, pair.client, pair.refresh_token), 400, 'invalid_grant');
    }
    const client = found.pairs[0]?.client as TestClient;
    expectOAuthError(
      await exchangeCode(t, client, found.code),
      400,
      'invalid_grant',
      'Invalid "code" in request.',
    );
  }

  it('revokes every token and unused code when the user changes the password', async () => {
    const user = await createUser(t.dataSource);
    const found = await grants(user);
    const other = await grants(await createUser(t.dataSource));
    const res = await request(t.http)
      .patch('/api/auth/profile/edit/account')
      .set(bearer(firstPartyToken(t.app, user)))
      .send({ email: user.email, password: DEFAULT_PASSWORD, new_password: 'a-new-password' });
    expect(res.status).toBe(200);
    await expectAllEnded(found);
    // Other users' grants are untouched.
    expect((await profile(t, other.pairs[0]?.access_token ?? '')).status).toBe(200);
  });

  it('leaves the grants alone when an account change keeps the password', async () => {
    const user = await createUser(t.dataSource);
    const found = await grants(user);
    const res = await request(t.http)
      .patch('/api/auth/profile/edit/account')
      .set(bearer(firstPartyToken(t.app, user)))
      .send({ email: `new-${user.email}`, password: DEFAULT_PASSWORD });
    expect(res.status).toBe(200);
    expect((await profile(t, found.pairs[0]?.access_token ?? '')).status).toBe(200);
  });

  it('revokes them on a password reset through the emailed link', async () => {
    const user = await createUser(t.dataSource);
    const found = await grants(user);
    const res = await request(t.http)
      .post('/api/auth/password/update')
      .send({
        token: t.app.get(AuthTokensService).issuePasswordResetToken(user.id),
        password: 'a-new-password',
      });
    expect(res.status).toBe(200);
    await expectAllEnded(found);
  });

  it('revokes them when an administrator resets the password', async () => {
    const admin = await createUser(t.dataSource, { admin: true });
    const user = await createUser(t.dataSource);
    const found = await grants(user);
    const res = await request(t.http)
      .patch(`/api/users/${user.username}`)
      .set(bearer(firstPartyToken(t.app, admin)))
      .send({ reset_password: true });
    expect(res.status).toBe(200);
    await expectAllEnded(found);
  });

  it('refuses refresh and code exchange with invalid_grant once the user is inactive', async () => {
    const user = await createUser(t.dataSource);
    const found = await grants(user);
    await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
    const pair = found.pairs[0] as TokenPair & { client: TestClient };
    expectOAuthError(await refresh(t, pair.client, pair.refresh_token), 400, 'invalid_grant');
    expectOAuthError(
      await exchangeCode(t, pair.client, found.code),
      400,
      'invalid_grant',
      'Invalid "code" in request.',
    );
    // Reactivated, the same refresh token works again: refusing did not burn it.
    await t.dataSource.query('UPDATE users SET is_active = true WHERE id = $1', [user.id]);
    expect((await refresh(t, pair.client, pair.refresh_token)).status).toBe(200);
  });

  it('refuses refresh with invalid_grant once the user is deleted', async () => {
    const owner = await createUser(t.dataSource);
    const client = await createOAuth2Client(t, firstPartyToken(t.app, owner));
    const user = await createUser(t.dataSource);
    const code = await authorizeCode(t, firstPartyToken(t.app, user), client);
    const pair = (await exchangeCode(t, client, code)).body as TokenPair;
    const deleted = await request(t.http)
      .delete(`/api/users/${user.username}`)
      .set(bearer(firstPartyToken(t.app, user)));
    expect(deleted.status).toBe(204);
    expectOAuthError(await refresh(t, client, pair.refresh_token), 400, 'invalid_grant');
  });
});
