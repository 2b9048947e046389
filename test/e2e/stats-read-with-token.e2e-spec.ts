import { SCOPE } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import {
  type CountedAnswer,
  countedGet,
  logQueriesInto,
  QUIET_BACKGROUND,
  scopedTokens,
} from 'test/helpers/query-log';
import { createManualWorkout, setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/**
 * `GET /api/stats/<username>/by_time` reads the caller's own buckets in the authentication
 * query when nothing needs the user first (src/workouts/stats/stats-read-with-token.ts), and
 * on its own otherwise: `from` / `to` (days in the user's time zone), another user's name.
 * Both must answer the same figures: `from=1900-01-01` (before every workout here) sends the
 * same request down the separate read.
 */
describe('statistics by time read with the token', () => {
  let t: TestApp;
  let owner: User;
  let token: string;
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(QUIET_BACKGROUND);
    owner = await createUser(t.dataSource);
    await setTimezone(t, owner.id, 'America/New_York');
    token = firstPartyToken(t.app, owner);
    const workouts: [number, string, number, number][] = [
      [1, '2022-12-31 23:30', 10.5, 2700],
      [1, '2023-01-01 00:30', 12, 3600],
      [2, '2023-01-01 09:00', 30.25, 5400],
      [1, '2023-03-05 07:00', 8.75, 2000],
      [3, '2023-03-06 18:00', 5, 3000],
      [2, '2024-02-29 12:00', 42.195, 14000],
      [1, '2024-12-29 06:00', 20, 4000],
    ];
    for (const [sport, date, distance, duration] of workouts)
      await createManualWorkout(t, token, {
        sport_id: sport,
        workout_date: date,
        distance,
        duration,
        ascent: distance * 3,
        descent: distance * 2,
      });
    logQueriesInto(t, queries);
  });
  afterAll(() => t.close());

  const stats = (query: string, auth = token, username = owner.username): Promise<CountedAnswer> =>
    countedGet(t, queries, `/api/stats/${username}/by_time?${query}`, auth);

  it.each([
    [''],
    ['time=year'],
    ['time=month'],
    ['time=week'],
    ['time=weekm'],
    ['time=month&sport_id=1'],
    ['time=year&sport_id=2'],
    ['time=week&sport_id=4'],
  ])('%s: one query, the same figures as the separate read', async (query) => {
    const joined = await stats(query);
    const separate = await stats(`${query}&from=1900-01-01`);
    expect(joined.status).toBe(200);
    expect(joined.count).toBe(1);
    expect(separate.count).toBeGreaterThanOrEqual(2);
    // Byte for byte: the periods' order too.
    expect(joined.text).toBe(separate.text);
  });

  it('reads real figures: every workout counted once', async () => {
    const { body } = await stats('time=year');
    const statistics = (body as { data: { statistics: Record<string, Record<string, unknown>> } })
      .data.statistics;
    // Periods follow UTC dates: 2022-12-31 23:30 in New York is in 2023.
    expect(Object.keys(statistics)).toEqual(['2023', '2024']);
    const counts = Object.values(statistics).flatMap((sports) =>
      Object.values(sports).map((bucket) => (bucket as { nb_workouts: number }).nb_workouts),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(7);
  });

  it('the same figures with an OAuth2 access token and a personal access token', async () => {
    const first = await stats('time=month');
    for (const scoped of await scopedTokens(t, owner, SCOPE.WORKOUTS_READ)) {
      const read = await stats('time=month', scoped);
      expect(read.count).toBe(1);
      expect(read.text).toBe(first.text);
    }
  });

  it("another user's statistics: read on their own, as that user reads them", async () => {
    const other = await createUser(t.dataSource);
    const otherToken = firstPartyToken(t.app, other);
    await createManualWorkout(t, otherToken, { workout_date: '2021-06-01 10:00', distance: 7 });
    const theirs = await stats('time=year', otherToken, other.username);
    expect(theirs.count).toBe(1);
    const read = await stats('time=year', token, other.username);
    expect(read.status).toBe(200);
    expect(read.count).toBeGreaterThanOrEqual(2);
    expect(read.text).toBe(theirs.text);
    const scoped = await oauth2AccessToken(t.app, owner, SCOPE.WORKOUTS_READ);
    expect((await stats('time=year', scoped, other.username)).status).toBe(403);
    expect((await stats('time=year', token, 'nobody-by-that-name')).status).toBe(404);
  });

  it('a NUL character reaches no SQL: the edge rule answers 400', async () => {
    const refused = await stats('time=year', token, 'a%00b');
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 400,
      body: { status: 'error', message: 'username: NUL characters are not allowed' },
    });
    expect((await stats('time=year%00', token)).status).toBe(400);
  });

  it('an unknown period is still looked up and refused as before', async () => {
    const refused = await stats('time=day');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ status: 'fail', message: 'Invalid time period.' });
  });
});
