import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { PersonalAccessTokenLookup } from 'src/auth/personal-tokens/personal-access-token-lookup';
import { LOOKUPS_PER_STATEMENT } from 'src/auth/principal-lookup';
import { SCOPE } from 'src/auth/scopes';
import { FirstPartyUserLookup } from 'src/auth/strategies/first-party-user-lookup';
import { VerifiedTokens } from 'src/auth/strategies/verified-tokens';
import type { AppConfig } from 'src/config/configuration';
import type { CallerRead } from 'src/database/caller-read';
import { OAuth2AccessTokenLookup } from 'src/oauth2/strategies/oauth2-access-token-lookup';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import type { User } from 'src/users/user.entity';
import { OWN_SUMMARY_READ, type OwnSummary } from 'src/users/user-workout-summary';
import { RECORDS_READ } from 'src/workouts/records/records.repository';
import { SPORTS_READ } from 'src/workouts/sports/sports-read';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { FUZZ_RUNS, seedFor } from 'test/helpers/fuzz/fuzz-budget';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { personalAccessToken } from 'test/helpers/personal-access-tokens';
import { logQueriesInto, QUIET_BACKGROUND } from 'test/helpers/query-log';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

type Read = CallerRead<unknown> | undefined;

/** A token as a test presents it, and how its kind's lookup finds it. */
interface Presented {
  label: string;
  kind: 'first-party' | 'oauth2' | 'personal';
  token: string;
  find: (read: Read) => Promise<unknown>;
}

/**
 * Authentication lookups made in the same turn of the event loop go to PostgreSQL together, in
 * one statement per token kind and read: each must still get exactly what it gets alone — its
 * own user, scope and read, or nothing for a logged-out, revoked or expired token, a user that
 * is gone or never was — whatever else shares the statement.
 */
describe('authentication lookups answered together', () => {
  let t: TestApp;
  let presented: Presented[];
  let reads: Read[];
  const queries: string[] = [];
  /** What each token finds alone, by token and read. */
  const alone = new Map<string, unknown>();
  const keyOf = (token: number, read: number): string => `${token}/${read}`;

  beforeAll(async () => {
    t = await createTestApp(QUIET_BACKGROUND);
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
    const issue = t.app.get(AuthTokensService);

    const readScopes = [SCOPE.PROFILE_READ, SCOPE.WORKOUTS_READ];
    const runnerApp = await oauth2AccessToken(t.app, runner, ...readScopes);
    const otherApp = await oauth2AccessToken(t.app, other, SCOPE.PROFILE_READ);
    const revokedApp = await oauth2AccessToken(t.app, other, ...readScopes);
    const expiredApp = await oauth2AccessToken(t.app, runner, ...readScopes);
    const goneApp = await oauth2AccessToken(t.app, gone, ...readScopes);
    const runnerPat = await personalAccessToken(t, runner, readScopes.join(' '));
    const otherPat = await personalAccessToken(t, other, SCOPE.WORKOUTS_READ);
    const expiredPat = await personalAccessToken(t, other, readScopes.join(' '));
    const revokedPat = await personalAccessToken(t, runner, SCOPE.PROFILE_READ);
    await t.dataSource.query(
      `UPDATE oauth2_tokens SET access_token_revoked_at = now() WHERE access_token_hash = $1`,
      [hashSecret(revokedApp)],
    );
    await t.dataSource.query(
      `UPDATE oauth2_tokens SET expires_in = 60, issued_at = issued_at - interval '1 hour'
        WHERE access_token_hash = $1`,
      [hashSecret(expiredApp)],
    );
    await t.dataSource.query(
      `UPDATE personal_access_tokens SET expires_at = now() - interval '1 minute'
        WHERE token_hash = $1`,
      [hashSecret(expiredPat)],
    );
    await t.dataSource.query(`DELETE FROM personal_access_tokens WHERE token_hash = $1`, [
      hashSecret(revokedPat),
    ]);
    await t.dataSource.query('DELETE FROM "users" WHERE id = $1', [gone.id]);

    const secret = t.app.get(ConfigService<AppConfig, true>).get('app.secretKey', { infer: true });
    const check = new VerifiedTokens(secret);
    const firstParty = t.app.get(FirstPartyUserLookup);
    const oauth2 = t.app.get(OAuth2AccessTokenLookup);
    const personal = t.app.get(PersonalAccessTokenLookup);
    const asFirstParty = (label: string, token: string): Presented => {
      const verified = check.check(token);
      if (verified === null) throw new Error(`${label} did not verify`);
      return {
        label,
        kind: 'first-party',
        token,
        find: (read) => firstParty.find(verified, read),
      };
    };
    const asApp = (label: string, token: string): Presented => ({
      label,
      kind: 'oauth2',
      token,
      find: (read) => oauth2.find(token, read),
    });
    const asPersonal = (label: string, token: string): Presented => ({
      label,
      kind: 'personal',
      token,
      find: (read) => personal.find(token, read),
    });
    presented = [
      asFirstParty('runner', runnerToken),
      asFirstParty('other', firstPartyToken(t.app, other)),
      asFirstParty('logged out', loggedOut),
      asFirstParty('deleted user', ofDeleted),
      asFirstParty('no such user', issue.issueAuthToken(2_147_483_647)),
      // Past PostgreSQL's integer: finds nobody, and fails nobody else's lookup.
      asFirstParty('id past integer', issue.issueAuthToken(2 ** 40)),
      asApp('runner app', runnerApp),
      asApp('other app', otherApp),
      asApp('revoked app', revokedApp),
      asApp('expired app', expiredApp),
      asApp('deleted user app', goneApp),
      asPersonal('runner pat', runnerPat),
      asPersonal('other pat', otherPat),
      asPersonal('expired pat', expiredPat),
      asPersonal('revoked pat', revokedPat),
    ];
    reads = [
      undefined,
      ...[OWN_SUMMARY_READ, SPORTS_READ, RECORDS_READ].map((token) =>
        t.app.get<symbol, CallerRead<unknown>>(token, { strict: false }),
      ),
    ];
    for (const [i, token] of presented.entries())
      for (const [j, read] of reads.entries()) alone.set(keyOf(i, j), await token.find(read));
    logQueriesInto(t, queries);
  });
  afterAll(() => t.close());

  const labelsFinding = (found: boolean): string[] =>
    presented.filter((_, i) => (alone.get(keyOf(i, 0)) !== null) === found).map((p) => p.label);

  it('alone, each token finds its own user or nobody', () => {
    expect(labelsFinding(true)).toEqual([
      'runner',
      'other',
      'runner app',
      'other app',
      'runner pat',
      'other pat',
    ]);
    const summaries = [0, 1].map(
      (i) => (alone.get(keyOf(i, 1)) as { read: OwnSummary }).read.summary.nbWorkouts,
    );
    expect(summaries).toEqual([3, 1]);
    expect(alone.get(keyOf(0, 3))).not.toEqual(alone.get(keyOf(1, 3)));
  });

  it('together, every lookup finds what it finds alone, sharing statements by kind and read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            token: fc.nat({ max: presented.length - 1 }),
            read: fc.nat({ max: reads.length - 1 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (lookups) => {
          queries.length = 0;
          const results = await Promise.all(
            lookups.map(({ token, read }) => (presented[token] as Presented).find(reads[read])),
          );
          expect(results).toEqual(lookups.map(({ token, read }) => alone.get(keyOf(token, read))));
          // A scoped token that found nothing is asked again with its last-use write, alone;
          // the same token again in the same turn then goes with the others. The others go
          // by kind and read, LOOKUPS_PER_STATEMENT at most to a statement.
          const together = new Map<string, number>();
          const askedAlone = new Set<number>();
          for (const { token, read } of lookups) {
            const { kind } = presented[token] as Presented;
            const isRetried = kind !== 'first-party' && alone.get(keyOf(token, read)) === null;
            if (isRetried && !askedAlone.has(token)) askedAlone.add(token);
            else together.set(`${kind}/${read}`, (together.get(`${kind}/${read}`) ?? 0) + 1);
          }
          let statements = askedAlone.size;
          for (const count of together.values())
            statements += Math.ceil(count / LOOKUPS_PER_STATEMENT);
          expect(queries).toHaveLength(statements);
        },
      ),
      { seed: seedFor('principal-lookup-batches'), numRuns: Math.max(60, FUZZ_RUNS) },
    );
  });

  it('a lookup alone in its turn keeps its own prepared statement', async () => {
    for (const token of presented.filter((p) =>
      ['runner', 'runner app', 'runner pat'].includes(p.label),
    )) {
      queries.length = 0;
      await token.find(reads[1]);
      expect(queries).toHaveLength(1);
      expect(queries[0]).not.toContain('unnest');
    }
  });

  it('over HTTP, concurrent requests each get their own caller or a 401', async () => {
    const picks = [0, 1, 2, 3, 6, 7, 8, 11, 12, 13, 0, 1, 4, 6, 10, 12, 0, 5, 9, 14, 0, 2];
    const answers = await Promise.all(
      picks.map((i) =>
        request(t.http)
          .get('/api/auth/profile')
          .set(bearer(presented[i]?.token ?? '')),
      ),
    );
    const expected = picks.map((i) => {
      const result = alone.get(keyOf(i, 0)) as { user: User; scope?: string | null } | null;
      if (result === null) return 401;
      // A scoped token without profile:read is known, and refused the profile.
      return result.scope?.includes(SCOPE.PROFILE_READ) === false ? 403 : result.user.username;
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
