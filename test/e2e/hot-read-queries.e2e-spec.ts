import { SCOPE } from 'src/auth/scopes';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectInvalidToken, expectUnauthorized } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { personalAccessToken } from 'test/helpers/personal-access-tokens';
import { logQueriesInto, QUIET_BACKGROUND, scopedTokens } from 'test/helpers/query-log';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/**
 * Round trips to the database per request on the hot reads, counted through TypeORM's query
 * logger: a change that adds one (a lookup per row, a separate count) fails here.
 */
describe('database round trips of the hot reads', () => {
  let t: TestApp;
  let token: string;
  let workoutId: string;
  let username: string;
  let owner: User;
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(QUIET_BACKGROUND);
    owner = await createUser(t.dataSource);
    username = owner.username;
    token = firstPartyToken(t.app, owner);
    for (const day of ['2018-05-15 14:05', '2018-05-16 14:05', '2018-05-17 14:05']) {
      const workout = await createManualWorkout(t, token, { workout_date: day });
      workoutId = String(workout['id']);
    }
    logQueriesInto(t, queries);
  });
  afterAll(() => t.close());

  /** The queries of the second of two identical requests (the first warms any lazy state). */
  const queriesOf = async (path: string, auth: string = token): Promise<string[]> => {
    await request(t.http).get(path).set(bearer(auth)).expect(200);
    // Jobs of earlier writes (webhook fan-out, emails) would be counted with the request.
    await t.app.get(InProcessJobQueue).drain();
    queries.length = 0;
    await request(t.http).get(path).set(bearer(auth)).expect(200);
    return [...queries];
  };

  it('ping: none', async () => {
    expect(await queriesOf('/api/ping')).toHaveLength(0);
  });

  it('profile: one query, user, logout blacklist, config, totals and records together', async () => {
    const seen = await queriesOf('/api/auth/profile');
    expect(seen.filter((q) => q.includes('blacklisted_tokens'))).toHaveLength(1);
    expect(seen.filter((q) => /FROM "users"/.test(q))).toHaveLength(1);
    expect(seen.filter((q) => q.includes('user_sport_totals'))).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('profile: the figures read with any token are those of the separate read', async () => {
    // GET /api/users/<username> serializes its caller with the summary read on its own.
    const separate = await request(t.http)
      .get(`/api/users/${username}`)
      .set(bearer(token))
      .expect(200);
    const [user] = (separate.body as { data: { users: Record<string, unknown>[] } }).data.users;
    expect(user?.['nb_workouts']).toBe(3);
    expect(user?.['records']).toHaveLength(4);
    const tokens = [token, ...(await scopedTokens(t, owner, SCOPE.PROFILE_READ))];
    for (const own of tokens) {
      const profile = await request(t.http).get('/api/auth/profile').set(bearer(own)).expect(200);
      expect((profile.body as { data: unknown }).data).toEqual(user);
    }
  });

  it('workouts list: one query, the page read with the token', async () => {
    const seen = await queriesOf('/api/workouts?per_page=10');
    expect(seen.filter((q) => q.includes('blacklisted_tokens'))).toHaveLength(1);
    expect(seen).toHaveLength(1);
    // Days in the caller's time zone: authentication first, then the page.
    expect(await queriesOf('/api/workouts?per_page=10&from=2018-05-16')).toHaveLength(2);
  });

  it('sports and records: one query each, read with the token', async () => {
    const sports = await queriesOf('/api/sports');
    expect(sports.filter((q) => q.includes('users_sports_preferences'))).toHaveLength(1);
    expect(sports).toHaveLength(1);
    const records = await queriesOf('/api/records');
    expect(records.filter((q) => q.includes('FROM records r'))).toHaveLength(1);
    expect(records).toHaveLength(1);
  });

  it('sports read with the token are those read one by one, for a user and for an admin', async () => {
    const admin = await createUser(t.dataSource, { admin: true });
    const adminToken = firstPartyToken(t.app, admin);
    // A preference of the caller's changes colour, activity and threshold.
    await request(t.http)
      .post('/api/auth/profile/edit/sports')
      .set(bearer(token))
      .send({ sport_id: 2, color: '#123456', is_active: false, stopped_speed_threshold: 0.7 })
      .expect(200);
    for (const caller of [token, adminToken]) {
      const list = await request(t.http).get('/api/sports').set(bearer(caller)).expect(200);
      const sports = (list.body as { data: { sports: { id: number }[] } }).data.sports;
      expect(sports.length).toBeGreaterThan(2);
      for (const sport of sports) {
        // GET /api/sports/<id> reads its sport on its own, after authentication.
        const one = await request(t.http)
          .get(`/api/sports/${sport.id}`)
          .set(bearer(caller))
          .expect(200);
        expect((one.body as { data: { sports: unknown[] } }).data.sports).toEqual([sport]);
      }
    }
  });

  it('records read with the token are those of the profile', async () => {
    const records = await request(t.http).get('/api/records').set(bearer(token)).expect(200);
    const profile = await request(t.http).get('/api/auth/profile').set(bearer(token)).expect(200);
    const list = (records.body as { data: { records: unknown[] } }).data.records;
    expect(list).toHaveLength(4);
    expect(list).toEqual((profile.body as { data: { records: unknown[] } }).data.records);
  });

  it('workout detail and statistics: one query each', async () => {
    // The row is read by its uuid with the token, its owner checked afterwards.
    expect(await queriesOf(`/api/workouts/${workoutId}`)).toHaveLength(1);
    // One's own statistics are read with the token; with days, in the user's time zone, after.
    expect(await queriesOf(`/api/stats/${username}/by_time?time=year`)).toHaveLength(1);
    expect(
      await queriesOf(`/api/stats/${username}/by_time?time=year&from=2018-01-01`),
    ).toHaveLength(2);
  });

  describe('the one authentication query still refuses at once', () => {
    it('a logged-out token', async () => {
      const user = await createUser(t.dataSource);
      const own = firstPartyToken(t.app, user);
      await request(t.http).get('/api/auth/profile').set(bearer(own)).expect(200);
      await request(t.http).post('/api/auth/logout').set(bearer(own)).expect(200);
      expectInvalidToken(await request(t.http).get('/api/auth/profile').set(bearer(own)));
    });

    it('a deactivated user', async () => {
      const user = await createUser(t.dataSource);
      const own = firstPartyToken(t.app, user);
      await request(t.http).get('/api/auth/profile').set(bearer(own)).expect(200);
      await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
      expectUnauthorized(await request(t.http).get('/api/auth/profile').set(bearer(own)));
    });

    it('a deleted user', async () => {
      const user = await createUser(t.dataSource);
      const own = firstPartyToken(t.app, user);
      await request(t.http).get('/api/auth/profile').set(bearer(own)).expect(200);
      await t.dataSource.query('DELETE FROM users WHERE id = $1', [user.id]);
      expectInvalidToken(await request(t.http).get('/api/auth/profile').set(bearer(own)));
    });
  });
  describe('scoped tokens: one query, token, client, user and last use together', () => {
    const profile = (auth: string): request.Test =>
      request(t.http).get('/api/auth/profile').set(bearer(auth));
    const lastUsed = async (sql: string, userId: number): Promise<Date | null> => {
      const [row] = await t.dataSource.query<{ last_used_at: Date | null }[]>(sql, [userId]);
      return row?.last_used_at ?? null;
    };
    const grantLastUsed = (userId: number): Promise<Date | null> =>
      lastUsed('SELECT last_used_at FROM oauth2_grants WHERE user_id = $1', userId);
    const tokenLastUsed = (userId: number): Promise<Date | null> =>
      lastUsed('SELECT last_used_at FROM personal_access_tokens WHERE user_id = $1', userId);

    it('an OAuth2 access token', async () => {
      const user = await createUser(t.dataSource);
      const own = await oauth2AccessToken(t.app, user, SCOPE.PROFILE_READ);
      const seen = await queriesOf('/api/auth/profile', own);
      expect(seen.filter((q) => q.includes('oauth2_tokens'))).toHaveLength(1);
      expect(seen.filter((q) => /FROM "users"|JOIN "users"/.test(q))).toHaveLength(1);
      // The token with its user, the application config, the totals and the records.
      expect(seen).toHaveLength(1);
    });

    it('a personal access token', async () => {
      const user = await createUser(t.dataSource);
      const own = await personalAccessToken(t, user, SCOPE.PROFILE_READ);
      const seen = await queriesOf('/api/auth/profile', own);
      expect(seen.filter((q) => q.includes('personal_access_tokens'))).toHaveLength(1);
      expect(seen.filter((q) => /FROM "users"|JOIN "users"/.test(q))).toHaveLength(1);
      expect(seen).toHaveLength(1);
    });

    it("the same query marks the app's grant used, to the minute", async () => {
      const user = await createUser(t.dataSource);
      const own = await oauth2AccessToken(t.app, user, SCOPE.PROFILE_READ);
      await t.dataSource.query(
        "UPDATE oauth2_grants SET last_used_at = now() - interval '1 day' WHERE user_id = $1",
        [user.id],
      );
      const before = await grantLastUsed(user.id);
      queries.length = 0;
      await profile(own).expect(200);
      expect(queries.filter((q) => q.includes('oauth2_grants'))).toHaveLength(1);
      const marked = await grantLastUsed(user.id);
      expect(marked?.getTime()).toBeGreaterThan((before?.getTime() ?? 0) + 3_600_000);
      await profile(own).expect(200);
      expect(await grantLastUsed(user.id)).toEqual(marked);
    });

    it('the same query marks the personal access token used, to the minute', async () => {
      const user = await createUser(t.dataSource);
      const own = await personalAccessToken(t, user, SCOPE.PROFILE_READ);
      expect(await tokenLastUsed(user.id)).toBeNull();
      queries.length = 0;
      await profile(own).expect(200);
      expect(queries.filter((q) => q.includes('personal_access_tokens'))).toHaveLength(1);
      const marked = await tokenLastUsed(user.id);
      expect(marked).not.toBeNull();
      await profile(own).expect(200);
      expect(await tokenLastUsed(user.id)).toEqual(marked);
    });

    describe('and still refuses at once', () => {
      const oauth2Case = async (
        change: (user: User, own: string) => Promise<unknown>,
      ): Promise<request.Response> => {
        const user = await createUser(t.dataSource);
        const own = await oauth2AccessToken(t.app, user, SCOPE.PROFILE_READ);
        await profile(own).expect(200);
        await change(user, own);
        return profile(own);
      };
      const patCase = async (
        change: (user: User) => Promise<unknown>,
      ): Promise<request.Response> => {
        const user = await createUser(t.dataSource);
        const own = await personalAccessToken(t, user, SCOPE.PROFILE_READ);
        await profile(own).expect(200);
        await change(user);
        return profile(own);
      };
      const deactivate = (user: User): Promise<unknown> =>
        t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
      const remove = (user: User): Promise<unknown> =>
        t.dataSource.query('DELETE FROM users WHERE id = $1', [user.id]);

      it.each([
        [
          'a revoked OAuth2 access token',
          'UPDATE oauth2_tokens SET access_token_revoked_at = now() WHERE user_id = $1',
        ],
        [
          'an OAuth2 token whose refresh half was revoked',
          'UPDATE oauth2_tokens SET refresh_token_revoked_at = now() WHERE user_id = $1',
        ],
        [
          'an expired OAuth2 access token',
          `UPDATE oauth2_tokens SET expires_in = 60, issued_at = issued_at - interval '61 seconds'
            WHERE user_id = $1`,
        ],
        ['an OAuth2 token of a deleted client', 'DELETE FROM oauth2_clients WHERE user_id = $1'],
      ])('%s', async (_case, sql) => {
        expectInvalidToken(await oauth2Case((user) => t.dataSource.query(sql, [user.id])));
      });

      it('an OAuth2 token of a deactivated user', async () => {
        expectUnauthorized(await oauth2Case(deactivate));
      });

      it('an OAuth2 token of a deleted user', async () => {
        expectInvalidToken(await oauth2Case(remove));
      });

      it('an OAuth2 token of a connected app the user revoked', async () => {
        const res = await oauth2Case(async (user) => {
          const [client] = await t.dataSource.query<{ client_id: string }[]>(
            'SELECT client_id FROM oauth2_clients WHERE user_id = $1',
            [user.id],
          );
          await request(t.http)
            .delete(`/api/oauth/authorized_apps/${client?.client_id ?? ''}`)
            .set(bearer(firstPartyToken(t.app, user)))
            .expect(204);
        });
        expectInvalidToken(res);
      });

      it('a revoked personal access token', async () => {
        const res = await patCase(async (user) => {
          const [row] = await t.dataSource.query<{ id: number }[]>(
            'SELECT id FROM personal_access_tokens WHERE user_id = $1',
            [user.id],
          );
          await request(t.http)
            .delete(`/api/auth/tokens/${String(row?.id)}`)
            .set(bearer(firstPartyToken(t.app, user)))
            .expect(204);
        });
        expectInvalidToken(res);
      });

      it('an expired personal access token', async () => {
        const res = await patCase((user) =>
          t.dataSource.query(
            'UPDATE personal_access_tokens SET expires_at = $2 WHERE user_id = $1',
            [user.id, new Date(Date.now() - 1000)],
          ),
        );
        expectInvalidToken(res);
      });

      it('a personal access token of a deactivated user', async () => {
        expectUnauthorized(await patCase(deactivate));
      });

      it('a personal access token of a deleted user', async () => {
        expectInvalidToken(await patCase(remove));
      });
    });
  });
});
