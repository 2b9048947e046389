import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectInsufficientScope,
  expectInvalidToken,
  expectNotFound,
  expectOAuthError,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import {
  authorizeCode,
  createOAuth2Client,
  exchangeCode,
  refresh,
  type TestClient,
  type TokenPair,
} from 'test/helpers/oauth2-flow';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('connected apps: GET /api/oauth/authorized_apps, DELETE /api/oauth/authorized_apps/{client_id}', () => {
  let t: TestApp;
  let owner: User;
  let ownerToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createUser(t.dataSource);
    ownerToken = firstPartyToken(t.app, owner);
  });
  afterAll(() => t.close());

  const newApp = (metadata: Record<string, unknown> = {}): Promise<TestClient> =>
    createOAuth2Client(t, ownerToken, {
      client_name: 'Ride sync',
      client_uri: 'https://ridesync.example.net',
      client_description: 'Uploads rides',
      scope: 'profile:read workouts:read workouts:write',
      ...metadata,
    });

  /** The user consents (first-party `POST /api/oauth/authorize`) and the app gets its tokens. */
  async function connect(user: User, client: TestClient, scope: string): Promise<TokenPair> {
    const code = await authorizeCode(t, firstPartyToken(t.app, user), client, { scope });
    const res = await exchangeCode(t, client, code);
    expect(res.status).toBe(200);
    return res.body as TokenPair;
  }

  const list = (user: User): request.Test =>
    request(t.http)
      .get('/api/oauth/authorized_apps')
      .set(bearer(firstPartyToken(t.app, user)));
  const revoke = (user: User, clientId: string): request.Test =>
    request(t.http)
      .delete(`/api/oauth/authorized_apps/${clientId}`)
      .set(bearer(firstPartyToken(t.app, user)));
  const profile = (accessToken: string): request.Test =>
    request(t.http).get('/api/auth/profile').set(bearer(accessToken));
  const lastUsed = async (user: User, client: TestClient): Promise<Date | null> => {
    const rows = await t.dataSource.query<{ last_used_at: Date | null }[]>(
      `SELECT g.last_used_at FROM oauth2_grants g JOIN oauth2_clients c ON c.id = g.client_id
        WHERE g.user_id = $1 AND c.client_id = $2`,
      [user.id, client.client_id],
    );
    return rows[0]?.last_used_at ?? null;
  };
  const backdateLastUsed = (user: User): Promise<unknown> =>
    t.dataSource.query(
      `UPDATE oauth2_grants SET last_used_at = last_used_at - interval '2 minutes' WHERE user_id = $1`,
      [user.id],
    );

  it('lists the apps of other owners the user authorized, with scopes and dates', async () => {
    const user = await createUser(t.dataSource);
    const client = await newApp();
    await connect(user, client, 'workouts:read profile:read users:read');
    await connect(user, client, 'workouts:write');
    const res = await list(user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'success',
      data: {
        authorized_apps: [
          {
            client_id: client.client_id,
            name: 'Ride sync',
            website: 'https://ridesync.example.net',
            client_description: 'Uploads rides',
            scope: 'profile:read workouts:read workouts:write',
            first_authorized_at: expect.stringMatching(HTTP_DATE),
            last_used_at: expect.stringMatching(HTTP_DATE),
          },
        ],
      },
    });
    // FitTrackee's list of the user's own clients is unchanged: the user owns none.
    const own = await request(t.http)
      .get('/api/oauth/apps')
      .set(bearer(firstPartyToken(t.app, user)));
    expect(own.body.data.clients).toEqual([]);
    expect((await list(owner)).body.data.authorized_apps).toEqual([]);
  });

  it('keeps the first authorization date and writes last use at most once a minute', async () => {
    const user = await createUser(t.dataSource);
    const client = await newApp();
    const tokens = await connect(user, client, 'profile:read');
    const [first] = (await list(user)).body.data.authorized_apps as {
      first_authorized_at: string;
    }[];
    await backdateLastUsed(user);
    const stale = await lastUsed(user, client);
    expect((await profile(tokens.access_token)).status).toBe(200);
    const used = await lastUsed(user, client);
    expect(used!.getTime()).toBeGreaterThan(stale!.getTime() + 60_000);
    await backdateLastUsed(user);
    const backdated = await lastUsed(user, client);
    expect((await profile(tokens.access_token)).status).toBe(200);
    expect(await lastUsed(user, client)).toEqual(backdated);
    await connect(user, client, 'workouts:read');
    const [again] = (await list(user)).body.data.authorized_apps as {
      first_authorized_at: string;
      scope: string;
    }[];
    expect(again?.first_authorized_at).toBe(first?.first_authorized_at);
    expect(again?.scope).toBe('profile:read workouts:read');
  });

  it('revokes every token and code of the app for that user only', async () => {
    const user = await createUser(t.dataSource);
    const other = await createUser(t.dataSource);
    const client = await newApp();
    const a = await connect(user, client, 'profile:read');
    const b = await connect(user, client, 'profile:read');
    const pending = await authorizeCode(t, firstPartyToken(t.app, user), client, {
      scope: 'profile:read',
    });
    const kept = await connect(other, client, 'profile:read');

    const res = await revoke(user, client.client_id);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expectInvalidToken(await profile(a.access_token));
    expectInvalidToken(await profile(b.access_token));
    for (const pair of [a, b])
      expectOAuthError(await refresh(t, client, pair.refresh_token), 400, 'invalid_grant');
    const exchanged = await exchangeCode(t, client, pending);
    expectOAuthError(exchanged, 400, 'invalid_grant', 'Invalid "code" in request.');
    expect((await list(user)).body.data.authorized_apps).toEqual([]);
    expect((await profile(kept.access_token)).status).toBe(200);
    expect((await list(other)).body.data.authorized_apps).toHaveLength(1);

    expectNotFound(await revoke(user, client.client_id), 'OAuth2 client not found');
    expectNotFound(await revoke(user, 'unknown-client'), 'OAuth2 client not found');
  });

  it('lists an app whose code no consent recorded once the code is exchanged', async () => {
    const user = await createUser(t.dataSource);
    const client = await newApp();
    const code = await t.app.get(OAuth2CodesService).create({
      clientId: client.id,
      userId: user.id,
      redirectUri: null,
      scope: 'workouts:read',
      codeChallenge: null,
      codeChallengeMethod: null,
    });
    expect((await list(user)).body.data.authorized_apps).toEqual([]);
    const res = await exchangeCode(t, client, code);
    expect(res.status).toBe(200);
    const [app] = (await list(user)).body.data.authorized_apps as Record<string, unknown>[];
    expect(app).toMatchObject({ client_id: client.client_id, scope: 'workouts:read' });
    expect(app?.['last_used_at']).toEqual(expect.stringMatching(HTTP_DATE));
  });

  it('is first-party only', async () => {
    const user = await createUser(t.dataSource);
    const client = await newApp();
    const tokens = await connect(user, client, 'profile:read workouts:read');
    expectUnauthorized(await request(t.http).get('/api/oauth/authorized_apps'));
    expectInsufficientScope(
      await request(t.http).get('/api/oauth/authorized_apps').set(bearer(tokens.access_token)),
    );
    expectInsufficientScope(
      await request(t.http)
        .delete(`/api/oauth/authorized_apps/${client.client_id}`)
        .set(bearer(tokens.access_token)),
    );
    expect((await profile(tokens.access_token)).status).toBe(200);
  });

  describe('the list stays truthful', () => {
    it('when the owner deletes the app or revokes all its tokens', async () => {
      const user = await createUser(t.dataSource);
      const deleted = await newApp();
      const reset = await newApp();
      await connect(user, deleted, 'profile:read');
      await connect(user, reset, 'profile:read');
      expect((await list(user)).body.data.authorized_apps).toHaveLength(2);
      await request(t.http)
        .delete(`/api/oauth/apps/${String(deleted.id)}`)
        .set(bearer(ownerToken))
        .expect(204);
      await request(t.http)
        .post(`/api/oauth/apps/${String(reset.id)}/revoke`)
        .set(bearer(ownerToken))
        .expect(200);
      expect((await list(user)).body.data.authorized_apps).toEqual([]);
    });

    it('when the password changes', async () => {
      const user = await createUser(t.dataSource);
      await connect(user, await newApp(), 'profile:read');
      await request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ email: user.email, password: DEFAULT_PASSWORD, new_password: 'a-new-password' })
        .expect(200);
      expect((await list(user)).body.data.authorized_apps).toEqual([]);
    });

    it('when the app revokes its last token of the user (RFC 7009), not before', async () => {
      const user = await createUser(t.dataSource);
      const client = await newApp();
      const first = await connect(user, client, 'profile:read');
      const second = await connect(user, client, 'profile:read');
      const signOut = (pair: TokenPair): request.Test =>
        request(t.http).post('/api/oauth/revoke').type('form').send({
          token: pair.access_token,
          client_id: client.client_id,
          client_secret: client.client_secret,
        });
      await signOut(first).expect(200);
      expect((await list(user)).body.data.authorized_apps).toHaveLength(1);
      await signOut(second).expect(200);
      expect((await list(user)).body.data.authorized_apps).toEqual([]);
    });
  });
});
