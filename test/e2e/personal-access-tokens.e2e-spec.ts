import { createHash } from 'node:crypto';

import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidToken,
  expectNotFound,
  expectOAuthError,
  expectTooLong,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { issueOAuth2Tokens } from 'test/helpers/oauth2-flow';
import { personalAccessToken, postPersonalAccessToken } from 'test/helpers/personal-access-tokens';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const NOT_FOUND = 'personal access token not found';

/** Personal access tokens: `/api/auth/tokens` and their use as Bearer (docs/oauth2.md#personal-access-tokens). */
describe('personal access tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const profile = (token: string): request.Test =>
    request(t.http).get('/api/auth/profile').set(bearer(token));
  const list = (user: User): request.Test =>
    request(t.http)
      .get('/api/auth/tokens')
      .set(bearer(firstPartyToken(t.app, user)));
  const revoke = (user: User, id: number | string): request.Test =>
    request(t.http)
      .delete(`/api/auth/tokens/${String(id)}`)
      .set(bearer(firstPartyToken(t.app, user)));
  const create = (user: User, body: unknown): request.Test =>
    postPersonalAccessToken(t, firstPartyToken(t.app, user), body);

  describe('create, list, revoke', () => {
    it('creates a token and shows its secret once', async () => {
      const user = await createUser(t.dataSource);
      const res = await create(user, {
        name: '  Upload script ',
        scope: 'workouts:write profile:read',
        expires_in_days: 30,
      });
      expect(res.status).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        status: 'created',
        data: {
          token: {
            id: expect.any(Number),
            name: 'Upload script',
            scope: 'profile:read workouts:write',
            created_at: expect.stringMatching(HTTP_DATE),
            last_used_at: null,
            expires_at: expect.stringMatching(HTTP_DATE),
            access_token: expect.stringMatching(/^pk_pat_[A-Za-z0-9]{38}$/),
          },
        },
      });
      const token = res.body.data.token as Record<string, string>;
      const lifetime =
        Date.parse(token['expires_at'] ?? '') - Date.parse(token['created_at'] ?? '');
      expect(lifetime).toBe(30 * 86_400_000);

      const listed = await list(user);
      expect(listed.status).toBe(200);
      const { access_token: secret, ...withoutSecret } = token;
      expect(listed.body).toEqual({ status: 'success', data: { tokens: [withoutSecret] } });
      // Only the SHA-256 digest is stored.
      const rows: { token_hash: string }[] = await t.dataSource.query(
        'SELECT * FROM personal_access_tokens WHERE user_id = $1',
        [user.id],
      );
      expect(rows.map((row) => row.token_hash)).toEqual([
        createHash('sha256')
          .update(secret ?? '')
          .digest('hex'),
      ]);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it('creates a token that never expires when expires_in_days is absent or null', async () => {
      const user = await createUser(t.dataSource);
      for (const body of [
        { name: 'a', scope: 'profile:read' },
        { name: 'b', scope: 'profile:read', expires_in_days: null },
      ]) {
        const res = await create(user, body);
        expect(res.status).toBe(201);
        expect(res.body.data.token.expires_at).toBeNull();
      }
    });

    it('lists only the caller’s tokens, newest first', async () => {
      const user = await createUser(t.dataSource);
      const other = await createUser(t.dataSource);
      await personalAccessToken(t, other, 'profile:read');
      await create(user, { name: 'first', scope: 'profile:read' });
      await create(user, { name: 'second', scope: 'users:read' });
      const res = await list(user);
      expect((res.body.data.tokens as { name: string }[]).map((token) => token.name)).toEqual([
        'second',
        'first',
      ]);
    });

    it('revokes a token, which is refused from then on', async () => {
      const user = await createUser(t.dataSource);
      const created = await create(user, { name: 'script', scope: 'profile:read' });
      const { id, access_token: secret } = created.body.data.token as {
        id: number;
        access_token: string;
      };
      expect((await profile(secret)).status).toBe(200);
      const res = await revoke(user, id);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectInvalidToken(await profile(secret));
      expect((await list(user)).body.data.tokens).toEqual([]);
      expectNotFound(await revoke(user, id), NOT_FOUND);
    });

    it('answers 404 for another user’s token or an id that is not one', async () => {
      const owner = await createUser(t.dataSource);
      const created = await create(owner, { name: 'mine', scope: 'profile:read' });
      const id = created.body.data.token.id as number;
      const intruder = await createUser(t.dataSource);
      expectNotFound(await revoke(intruder, id), NOT_FOUND);
      for (const bad of ['abc', '0', '99999999999', '-1'])
        expectNotFound(await revoke(owner, bad), NOT_FOUND);
      expect((await profile(created.body.data.token.access_token as string)).status).toBe(200);
    });

    it.each([
      ['no body', undefined, 'invalid payload'],
      ['an empty object', {}, 'invalid payload'],
      [
        'no name',
        { scope: 'profile:read' },
        'personal access token name must be a non-empty string',
      ],
      [
        'a blank name',
        { name: '  ', scope: 'profile:read' },
        'personal access token name must be a non-empty string',
      ],
      [
        'a name that is not a string',
        { name: 3, scope: 'profile:read' },
        'personal access token name must be a non-empty string',
      ],
      [
        'no scope',
        { name: 'x' },
        'personal access token scope must be one or more space-separated scopes',
      ],
      [
        'an empty scope',
        { name: 'x', scope: ' ' },
        'personal access token scope must be one or more space-separated scopes',
      ],
      [
        'an unknown scope',
        { name: 'x', scope: 'profile:read admin' },
        'personal access token scope must be one or more space-separated scopes',
      ],
      [
        'a scope list',
        { name: 'x', scope: ['profile:read'] },
        'personal access token scope must be one or more space-separated scopes',
      ],
      [
        'zero days',
        { name: 'x', scope: 'profile:read', expires_in_days: 0 },
        'expires_in_days must be an integer from 1 to 3650, or null for no expiry',
      ],
      [
        'too many days',
        { name: 'x', scope: 'profile:read', expires_in_days: 3651 },
        'expires_in_days must be an integer from 1 to 3650, or null for no expiry',
      ],
      [
        'fractional days',
        { name: 'x', scope: 'profile:read', expires_in_days: 1.5 },
        'expires_in_days must be an integer from 1 to 3650, or null for no expiry',
      ],
      [
        'days as text',
        { name: 'x', scope: 'profile:read', expires_in_days: '30' },
        'expires_in_days must be an integer from 1 to 3650, or null for no expiry',
      ],
    ])('refuses %s with a clear 400', async (_name, body, message) => {
      const user = await createUser(t.dataSource);
      expectEnvelopeError(await create(user, body), 400, 'error', message);
      expect((await list(user)).body.data.tokens).toEqual([]);
    });

    it('refuses a name longer than its column', async () => {
      const user = await createUser(t.dataSource);
      expectTooLong(
        await create(user, { name: 'n'.repeat(101), scope: 'profile:read' }),
        'name',
        100,
      );
      expect((await create(user, { name: 'n'.repeat(100), scope: 'profile:read' })).status).toBe(
        201,
      );
    });

    it('refuses a 51st token with a clear 400, and accepts one again after a revocation', async () => {
      const user = await createUser(t.dataSource);
      const ids: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        const res = await create(user, { name: `t${String(i)}`, scope: 'profile:read' });
        expect(res.status).toBe(201);
        ids.push(res.body.data.token.id as number);
      }
      expectEnvelopeError(
        await create(user, { name: 'one more', scope: 'profile:read' }),
        400,
        'error',
        'personal access tokens limit reached (50 per user): revoke one first',
      );
      expect((await revoke(user, ids[0] ?? 0)).status).toBe(204);
      expect((await create(user, { name: 'one more', scope: 'profile:read' })).status).toBe(201);
    });
  });

  describe('first-party only', () => {
    it('refuses every route to a personal access token and to an OAuth2 token, whatever its scopes', async () => {
      const user = await createUser(t.dataSource);
      const all =
        'application:write profile:read profile:write users:read users:write workouts:read workouts:write';
      const tokens = [
        await personalAccessToken(t, user, all),
        (await issueOAuth2Tokens(t, user, all)).access_token,
      ];
      for (const token of tokens) {
        expectInsufficientScope(await request(t.http).get('/api/auth/tokens').set(bearer(token)));
        expectInsufficientScope(
          await postPersonalAccessToken(t, token, { name: 'x', scope: 'profile:read' }),
        );
        expectInsufficientScope(
          await request(t.http).delete('/api/auth/tokens/1').set(bearer(token)),
        );
      }
      expect((await list(user)).body.data.tokens).toHaveLength(1);
    });

    it('needs a token', async () => {
      expectUnauthorized(await request(t.http).get('/api/auth/tokens'));
      expectUnauthorized(await request(t.http).post('/api/auth/tokens').send({ name: 'x' }));
      expectUnauthorized(await request(t.http).delete('/api/auth/tokens/1'));
    });
  });

  describe('use as Bearer', () => {
    it('reaches the routes of its scopes only, like an OAuth2 token', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const res = await profile(token);
      expect(res.status).toBe(200);
      expect(res.body.data.username).toBe(user.username);
      expectInsufficientScope(await request(t.http).get('/api/workouts').set(bearer(token)));
    });

    it('refuses an expired token with invalid_token', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read', 1);
      expect((await profile(token)).status).toBe(200);
      await t.dataSource.query(
        `UPDATE personal_access_tokens SET expires_at = (now() AT TIME ZONE 'utc') - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      expectInvalidToken(await profile(token));
    });

    it('refuses unknown, malformed and look-alike tokens with invalid_token', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const lastChar = token.endsWith('A') ? 'B' : 'A';
      for (const bad of [
        `${token.slice(0, -1)}${lastChar}`,
        'pk_pat_',
        'pk_pat_short',
        `${token}x`,
      ])
        expectInvalidToken(await profile(bad));
    });

    it('needs the Bearer scheme, as an OAuth2 token', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const res = await request(t.http)
        .get('/api/auth/profile')
        .set('Authorization', `Token ${token}`);
      expectOAuthError(res, 401, 'unsupported_token_type');
      expect(
        (await request(t.http).get('/api/auth/profile').set('Authorization', `bearer ${token}`))
          .status,
      ).toBe(200);
    });

    it('records the last use, at most once a minute', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const lastUsed = async (): Promise<Date | null> => {
        const rows: { last_used_at: Date | null }[] = await t.dataSource.query(
          'SELECT last_used_at FROM personal_access_tokens WHERE user_id = $1',
          [user.id],
        );
        return rows[0]?.last_used_at ?? null;
      };
      expect(await lastUsed()).toBeNull();
      await profile(token);
      const first = await lastUsed();
      expect(first).not.toBeNull();
      expect((await list(user)).body.data.tokens[0].last_used_at).toMatch(HTTP_DATE);
      // 30 s ago: within the minute, a new use writes nothing.
      await t.dataSource.query(
        `UPDATE personal_access_tokens SET last_used_at = last_used_at - interval '30 seconds' WHERE user_id = $1`,
        [user.id],
      );
      const moved = await lastUsed();
      await profile(token);
      expect(await lastUsed()).toEqual(moved);
      // This process wrote it less than a minute ago: even a value older than a minute in the
      // database is left alone, and nothing is written.
      await t.dataSource.query(
        `UPDATE personal_access_tokens SET last_used_at = last_used_at - interval '2 minutes' WHERE user_id = $1`,
        [user.id],
      );
      const old = (await lastUsed()) as Date;
      await profile(token);
      expect(await lastUsed()).toEqual(old);
      // Two minutes later: the next use records its time.
      const later = Date.now() + 120_000;
      const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
      try {
        await profile(token);
      } finally {
        clock.mockRestore();
      }
      expect(((await lastUsed()) as Date).getTime()).toBe(later);
    });

    it('reads only its own user’s statistics, like an OAuth2 token', async () => {
      const user = await createUser(t.dataSource);
      const other = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'workouts:read');
      const stats = (username: string) =>
        request(t.http).get(`/api/stats/${username}/by_time`).set(bearer(token));
      expect((await stats(user.username)).status).toBe(200);
      expectEnvelopeError(await stats(other.username), 403, 'error', 'you do not have permissions');
    });
  });

  describe('account changes', () => {
    it('deletes every token of the user when the password changes, and only then', async () => {
      const user = await createUser(t.dataSource);
      const other = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const othersToken = await personalAccessToken(t, other, 'profile:read');
      const edit = (body: Record<string, string>) =>
        request(t.http)
          .patch('/api/auth/profile/edit/account')
          .set(bearer(firstPartyToken(t.app, user)))
          .send({ email: user.email, password: DEFAULT_PASSWORD, ...body });
      expect((await edit({})).status).toBe(200);
      expect((await profile(token)).status).toBe(200);
      expect((await edit({ new_password: 'a-new-password' })).status).toBe(200);
      expectInvalidToken(await profile(token));
      expect((await list(user)).body.data.tokens).toEqual([]);
      expect((await profile(othersToken)).status).toBe(200);
    });

    it('refuses the token of an inactive user as an OAuth2 token, and accepts it once reactivated', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const oauth2 = (await issueOAuth2Tokens(t, user, 'profile:read')).access_token;
      await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
      const refused = await profile(token);
      expectUnauthorized(refused);
      const oauth2Refused = await profile(oauth2);
      expect({ code: refused.status, body: refused.body as unknown }).toEqual({
        code: oauth2Refused.status,
        body: oauth2Refused.body as unknown,
      });
      await t.dataSource.query('UPDATE users SET is_active = true WHERE id = $1', [user.id]);
      expect((await profile(token)).status).toBe(200);
    });

    it('deletes the tokens with the account', async () => {
      const user = await createUser(t.dataSource);
      const token = await personalAccessToken(t, user, 'profile:read');
      const deleted = await request(t.http)
        .delete(`/api/users/${user.username}`)
        .set(bearer(firstPartyToken(t.app, user)));
      expect(deleted.status).toBe(204);
      expectInvalidToken(await profile(token));
      const rows: unknown[] = await t.dataSource.query(
        'SELECT id FROM personal_access_tokens WHERE user_id = $1',
        [user.id],
      );
      expect(rows).toEqual([]);
    });
  });
});
