import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectInvalidToken, expectUnauthorized } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
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
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.dataSource);
    username = user.username;
    token = firstPartyToken(t.app, user);
    for (const day of ['2018-05-15 14:05', '2018-05-16 14:05', '2018-05-17 14:05']) {
      const workout = await createManualWorkout(t, token, { workout_date: day });
      workoutId = String(workout['id']);
    }
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      queries.push(query);
      logQuery(query, parameters, runner);
    };
  });
  afterAll(() => t.close());

  /** The queries of the second of two identical requests (the first warms any lazy state). */
  const queriesOf = async (path: string, auth: string = token): Promise<string[]> => {
    await request(t.http).get(path).set(bearer(auth)).expect(200);
    queries.length = 0;
    await request(t.http).get(path).set(bearer(auth)).expect(200);
    return [...queries];
  };

  it('ping: none', async () => {
    expect(await queriesOf('/api/ping')).toHaveLength(0);
  });

  it('authentication: one query, user and logout blacklist together', async () => {
    const seen = await queriesOf('/api/auth/profile');
    expect(seen.filter((q) => q.includes('blacklisted_tokens'))).toHaveLength(1);
    expect(seen.filter((q) => /FROM "users"/.test(q))).toHaveLength(1);
    // The user, the application config, the totals and the records.
    expect(seen).toHaveLength(4);
  });

  it('workouts list: authentication plus one query for the page', async () => {
    expect(await queriesOf('/api/workouts?per_page=10')).toHaveLength(2);
  });

  it('sports: authentication plus one query, preferences included', async () => {
    expect(await queriesOf('/api/sports')).toHaveLength(2);
  });

  it('workout detail, statistics and records stay within their counts', async () => {
    // The row is read by its uuid and its owner checked afterwards: no separate lookup.
    expect(await queriesOf(`/api/workouts/${workoutId}`)).toHaveLength(2);
    // One's own statistics need no lookup of the user: authentication has read the row.
    expect(await queriesOf(`/api/stats/${username}/by_time?time=year`)).toHaveLength(2);
    expect(await queriesOf('/api/records')).toHaveLength(2);
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
});
