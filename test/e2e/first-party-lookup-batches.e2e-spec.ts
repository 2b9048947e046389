import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { FirstPartyUserLookup } from 'src/auth/strategies/first-party-user-lookup';
import { type VerifiedToken, VerifiedTokens } from 'src/auth/strategies/verified-tokens';
import type { AppConfig } from 'src/config/configuration';
import type { CallerRead } from 'src/database/caller-read';
import type { User } from 'src/users/user.entity';
import { OWN_SUMMARY_READ, type OwnSummary } from 'src/users/user-workout-summary';
import { RECORDS_READ } from 'src/workouts/records/records.repository';
import { SPORTS_READ } from 'src/workouts/sports/sport-rows';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { FUZZ_RUNS, seedFor } from 'test/helpers/fuzz/fuzz-budget';
import { logQueriesInto, QUIET_BACKGROUND } from 'test/helpers/query-log';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/**
 * First-party lookups made in the same turn of the event loop go to PostgreSQL together, in one
 * statement: each must still get exactly what it gets alone — its own user, or nothing for a
 * logged-out token, a user that is gone or never was — whatever else shares the statement.
 */
describe('first-party lookups answered together', () => {
  let t: TestApp;
  let lookup: FirstPartyUserLookup;
  let verified: VerifiedToken[];
  let reads: (CallerRead<unknown> | undefined)[];
  const queries: string[] = [];
  /** What each token finds alone, by token and read. */
  let alone: Map<string, unknown>;

  const found = async (
    token: VerifiedToken,
    read: CallerRead<unknown> | undefined,
  ): Promise<unknown> => {
    const result = await lookup.find(token, read);
    return result === null ? null : { user: result.user, read: result.read };
  };
  const keyOf = (token: number, read: number): string => `${token}/${read}`;

  beforeAll(async () => {
    t = await createTestApp(QUIET_BACKGROUND);
    lookup = t.app.get(FirstPartyUserLookup);
    const users: User[] = [];
    for (let i = 0; i < 4; i += 1) users.push(await createUser(t.dataSource));
    const [runner, other, leaving, gone] = users as [User, User, User, User];
    const runnerToken = firstPartyToken(t.app, runner);
    for (const day of ['2018-05-15 14:05', '2018-05-16 14:05', '2018-06-01 08:00'])
      await createManualWorkout(t, runnerToken, { workout_date: day });
    await createManualWorkout(t, firstPartyToken(t.app, other), {
      workout_date: '2019-01-01 10:00',
    });
    const loggedOut = firstPartyToken(t.app, leaving);
    await request(t.http).post('/api/auth/logout').set(bearer(loggedOut)).expect(200);
    const ofDeleted = firstPartyToken(t.app, gone);
    await t.dataSource.query('DELETE FROM "users" WHERE id = $1', [gone.id]);
    const issue = t.app.get(AuthTokensService);
    const tokens = [
      runnerToken,
      firstPartyToken(t.app, other),
      loggedOut,
      ofDeleted,
      issue.issueAuthToken(2_147_483_647),
      // Past PostgreSQL's integer: finds nobody, and fails nobody else's lookup.
      issue.issueAuthToken(2 ** 40),
    ];
    const secret = t.app.get(ConfigService<AppConfig, true>).get('app.secretKey', { infer: true });
    const check = new VerifiedTokens(secret);
    verified = tokens.map((token) => {
      const known = check.check(token);
      if (known === null) throw new Error('a test token did not verify');
      return known;
    });
    reads = [
      undefined,
      ...[OWN_SUMMARY_READ, SPORTS_READ, RECORDS_READ].map((token) =>
        t.app.get<symbol, CallerRead<unknown>>(token, { strict: false }),
      ),
    ];
    alone = new Map();
    for (const [i, token] of verified.entries())
      for (const [j, read] of reads.entries()) alone.set(keyOf(i, j), await found(token, read));
    logQueriesInto(t, queries);
  });
  afterAll(() => t.close());

  it('alone, each token finds its own user or nobody', () => {
    const userIds = verified.map((_, i) => {
      const result = alone.get(keyOf(i, 0)) as { user: User } | null;
      return result?.user.id ?? null;
    });
    expect(userIds.slice(0, 2)).toEqual([verified[0]?.userId, verified[1]?.userId]);
    expect(userIds.slice(2)).toEqual([null, null, null, null]);
    const summaries = [0, 1].map(
      (i) => (alone.get(keyOf(i, 1)) as { read: OwnSummary }).read.summary.nbWorkouts,
    );
    expect(summaries).toEqual([3, 1]);
    expect(alone.get(keyOf(0, 3))).not.toEqual(alone.get(keyOf(1, 3)));
  });

  it('together, every lookup finds what it finds alone, in one statement per read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            token: fc.nat({ max: verified.length - 1 }),
            read: fc.nat({ max: reads.length - 1 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (lookups) => {
          queries.length = 0;
          const results = await Promise.all(
            lookups.map(({ token, read }) => found(verified[token] as VerifiedToken, reads[read])),
          );
          expect(results).toEqual(lookups.map(({ token, read }) => alone.get(keyOf(token, read))));
          const readsUsed = new Set(lookups.map(({ read }) => read));
          expect(queries).toHaveLength(readsUsed.size);
        },
      ),
      { seed: seedFor('first-party-lookup-batches'), numRuns: Math.max(60, FUZZ_RUNS) },
    );
  });

  it('a lookup alone in its turn keeps its own prepared statement', async () => {
    queries.length = 0;
    await found(verified[0] as VerifiedToken, reads[1]);
    expect(queries).toHaveLength(1);
    expect(queries[0]).not.toContain('unnest');
  });

  it('over HTTP, concurrent requests each get their own caller or a 401', async () => {
    const tokens = [0, 1, 2, 3, 0, 1, 4, 0, 5, 1, 0, 2].map((i) => verified[i]?.token ?? '');
    const answers = await Promise.all(
      tokens.map((token) => request(t.http).get('/api/auth/profile').set(bearer(token))),
    );
    const expected = tokens.map((token) => {
      const index = verified.findIndex((known) => known.token === token);
      const result = alone.get(keyOf(index, 0)) as { user: User } | null;
      return result === null ? 401 : result.user.username;
    });
    expect(
      answers.map((answer) =>
        answer.status === 200
          ? (answer.body as { data: { username: string } }).data.username
          : answer.status,
      ),
    ).toEqual(expected);
  });
});
