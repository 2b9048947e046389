import fc from 'fast-check';
import { UserSportTotals1797500000000 } from 'src/database/migrations/1797500000000-UserSportTotals';
import {
  USER_WORKOUT_SUMMARY,
  type UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';
import { createUser } from 'test/helpers/factories';
import { FUZZ_RUNS, seedFor } from 'test/helpers/fuzz/fuzz-budget';
import { rerunMigration } from 'test/helpers/rerun-migration';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** Thousandths as the text of a `numeric(p, 3)` value: exact, whatever the magnitude. */
const thousandths = (max: number): fc.Arbitrary<string | null> =>
  fc.option(
    fc
      .integer({ min: 0, max })
      .map((n) => `${Math.trunc(n / 1000)}.${String(n % 1000).padStart(3, '0')}`),
    { freq: 4 },
  );

/** Whole days plus microseconds: durations of several days and sub-second parts. */
const duration = fc.record({
  days: fc.nat({ max: 3 }),
  micros: fc.integer({ min: 0, max: 86_400_000_000 }),
});

interface Figures {
  ascent: string | null;
  distance: string | null;
  duration: { days: number; micros: number };
}

const USERS = 3;
const SPORTS = 4;
const user = fc.nat({ max: USERS - 1 });
const sport = fc.integer({ min: 1, max: SPORTS });
const pick = fc.nat({ max: 1000 });

type Operation =
  | { kind: 'insert'; rows: (Figures & { user: number; sport: number })[] }
  | {
      kind: 'update';
      pick: number;
      changes: { user?: number; sport?: number; figures?: Partial<Figures> };
    }
  | { kind: 'retitle'; user: number }
  | { kind: 'shift'; user: number; from: number; to: number; ascent: string }
  | { kind: 'swapOwners'; first: number; second: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'deleteSport'; user: number; sport: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    rows: fc.array(
      fc.record({
        user,
        sport,
        ascent: thousandths(99_999_999),
        distance: thousandths(99_999_999),
        duration,
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick,
    changes: fc.record(
      {
        user,
        sport,
        figures: fc.record<Figures>(
          { ascent: thousandths(99_999_999), distance: thousandths(99_999_999), duration },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ kind: fc.constant('retitle' as const), user }),
  fc.record({
    kind: fc.constant('shift' as const),
    user,
    from: sport,
    to: sport,
    ascent: fc.constantFrom('0.001', '1.5', '-0.25', '100'),
  }),
  fc.record({ kind: fc.constant('swapOwners' as const), first: pick, second: pick }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({ kind: fc.constant('deleteSport' as const), user, sport }),
);

/** The aggregate the totals replace, computed from the workouts themselves. */
const RECOMPUTED = `
  SELECT count(*)::int AS nb_workouts,
    coalesce(array_agg(DISTINCT sport_id ORDER BY sport_id), '{}') AS sports_list,
    coalesce(sum(ascent), 0)::float8 AS total_ascent,
    coalesce(sum(distance), 0)::float8 AS total_distance,
    coalesce(sum(extract(epoch FROM duration)), 0)::float8 AS total_duration
  FROM workouts WHERE user_id = $1`;

/** (user, sport) groups whose stored totals differ from the workouts, as exact numerics. */
const MISMATCHES = `
  SELECT coalesce(a.user_id, t.user_id) AS user_id, coalesce(a.sport_id, t.sport_id) AS sport_id
  FROM (SELECT user_id, sport_id, count(*)::int AS nb_workouts,
          coalesce(sum(ascent), 0) AS total_ascent, coalesce(sum(distance), 0) AS total_distance,
          coalesce(sum(extract(epoch FROM duration)), 0) AS total_duration
        FROM workouts GROUP BY user_id, sport_id) AS a
  FULL JOIN user_sport_totals t ON t.user_id = a.user_id AND t.sport_id = a.sport_id
  WHERE (a.nb_workouts, a.total_ascent, a.total_distance, a.total_duration)
    IS DISTINCT FROM (t.nb_workouts, t.total_ascent, t.total_distance, t.total_duration)`;

/**
 * `user_sport_totals` is kept by triggers on `workouts`: whatever the writes (multi-row
 * inserts, changes of figures, sport or owner, bulk updates, deletions), it equals the
 * aggregate over the workouts to the last digit, and the profile figures (FitTrackee
 * `GET /api/auth/profile`) equal the ones computed from the workouts.
 */
describe('per-(user, sport) workout totals', () => {
  let t: TestApp;
  let userIds: number[];

  beforeAll(async () => {
    t = await createTestApp();
    userIds = [];
    for (let i = 0; i < USERS; i++) userIds.push((await createUser(t.dataSource)).id);
  });
  afterAll(() => t.close());

  const query = <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    t.dataSource.query<T[]>(sql, values);

  const workoutIds = async (): Promise<number[]> =>
    (
      await query<{ id: number }>(`SELECT id FROM workouts WHERE user_id = ANY($1) ORDER BY id`, [
        userIds,
      ])
    ).map((row) => row.id);

  const chosen = async (index: number): Promise<number | undefined> => {
    const ids = await workoutIds();
    return ids.length === 0 ? undefined : ids[index % ids.length];
  };

  const interval = (d: { days: number; micros: number }): string =>
    `${d.days} days ${d.micros} microseconds`;

  async function apply(op: Operation): Promise<void> {
    switch (op.kind) {
      case 'insert':
        await query(
          `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, distance, ascent)
           SELECT gen_random_uuid(), r.user_id, r.sport_id, '2020-01-01'::timestamp,
             r.duration::interval, r.distance::numeric, r.ascent::numeric
           FROM json_to_recordset($1::json)
             AS r (user_id int, sport_id int, duration text, distance text, ascent text)`,
          [
            JSON.stringify(
              op.rows.map((row) => ({
                user_id: userIds[row.user],
                sport_id: row.sport,
                duration: interval(row.duration),
                distance: row.distance,
                ascent: row.ascent,
              })),
            ),
          ],
        );
        return;
      case 'update': {
        const id = await chosen(op.pick);
        if (id === undefined) return;
        const sets: string[] = [];
        const values: unknown[] = [id];
        const set = (column: string, value: unknown, cast: string): void => {
          values.push(value);
          sets.push(`${column} = $${values.length}::${cast}`);
        };
        if (op.changes.user !== undefined) set('user_id', userIds[op.changes.user], 'int');
        if (op.changes.sport !== undefined) set('sport_id', op.changes.sport, 'int');
        const f = op.changes.figures ?? {};
        if (f.ascent !== undefined) set('ascent', f.ascent, 'numeric');
        if (f.distance !== undefined) set('distance', f.distance, 'numeric');
        if (f.duration !== undefined) set('duration', interval(f.duration), 'interval');
        if (sets.length === 0) sets.push('title = title');
        await query(`UPDATE workouts SET ${sets.join(', ')} WHERE id = $1`, values);
        return;
      }
      case 'retitle':
        await query(`UPDATE workouts SET title = md5(random()::text) WHERE user_id = $1`, [
          userIds[op.user],
        ]);
        return;
      case 'shift':
        await query(
          `UPDATE workouts SET ascent = greatest(coalesce(ascent, 0) + $3::numeric, 0),
             sport_id = CASE WHEN sport_id = $2 THEN $4 ELSE sport_id END
           WHERE user_id = $1`,
          [userIds[op.user], op.from, op.ascent, op.to],
        );
        return;
      case 'swapOwners': {
        const [first, second] = [await chosen(op.first), await chosen(op.second)];
        if (first === undefined || second === undefined) return;
        await query(
          `UPDATE workouts w SET user_id = o.user_id, sport_id = o.sport_id
           FROM workouts o
           WHERE (w.id, o.id) IN (($1::int, $2::int), ($2::int, $1::int))`,
          [first, second],
        );
        return;
      }
      case 'delete': {
        const id = await chosen(op.pick);
        if (id !== undefined) await query(`DELETE FROM workouts WHERE id = $1`, [id]);
        return;
      }
      case 'deleteSport':
        await query(`DELETE FROM workouts WHERE user_id = $1 AND sport_id = $2`, [
          userIds[op.user],
          op.sport,
        ]);
    }
  }

  async function expectTotalsExact(): Promise<void> {
    expect(await query(MISMATCHES)).toEqual([]);
    const { summaries } = await t.app
      .get<UserWorkoutSummaryProvider>(USER_WORKOUT_SUMMARY)
      .summarizeMany(userIds);
    for (const [index, id] of userIds.entries()) {
      const [expected] = await query<{
        nb_workouts: number;
        sports_list: number[];
        total_ascent: number;
        total_distance: number;
        total_duration: number;
      }>(RECOMPUTED, [id]);
      expect(summaries[index]).toMatchObject({
        nbSports: expected!.sports_list.length,
        nbWorkouts: expected!.nb_workouts,
        sportsList: expected!.sports_list,
        totalAscent: expected!.total_ascent,
        totalDistance: expected!.total_distance,
        totalDurationSeconds: expected!.total_duration,
      });
    }
  }

  it('equal the aggregate over the workouts after any sequence of writes (property, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        await query(`DELETE FROM workouts WHERE user_id = ANY($1)`, [userIds]);
        for (const op of ops) await apply(op);
        await expectTotalsExact();
      }),
      { seed: seedFor('user-sport-totals'), numRuns: Math.max(60, FUZZ_RUNS) },
    );
  });

  it('leave no row for a sport whose last workout is gone', async () => {
    await query(`DELETE FROM workouts WHERE user_id = ANY($1)`, [userIds]);
    await apply({
      kind: 'insert',
      rows: [
        { user: 0, sport: 2, ascent: '1.5', distance: '3.25', duration: { days: 0, micros: 1 } },
        { user: 0, sport: 3, ascent: null, distance: null, duration: { days: 1, micros: 0 } },
      ],
    });
    await query(`UPDATE workouts SET sport_id = 3 WHERE user_id = $1 AND sport_id = 2`, [
      userIds[0],
    ]);
    expect(
      await query(`SELECT sport_id, nb_workouts FROM user_sport_totals WHERE user_id = $1`, [
        userIds[0],
      ]),
    ).toEqual([{ sport_id: 3, nb_workouts: 2 }]);
    await expectTotalsExact();
  });

  it('go with the user, and with a truncation of the workouts', async () => {
    const gone = await createUser(t.dataSource);
    await query(
      `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, distance)
       SELECT gen_random_uuid(), $1, 1 + i % 3, '2020-01-01', interval '1 hour', 1.5
       FROM generate_series(1, 5) AS i`,
      [gone.id],
    );
    expect(
      await query(`SELECT count(*)::int AS n FROM user_sport_totals WHERE user_id = $1`, [gone.id]),
    ).toEqual([{ n: 3 }]);
    await query(`DELETE FROM users WHERE id = $1`, [gone.id]);
    expect(
      await query(`SELECT count(*)::int AS n FROM user_sport_totals WHERE user_id = $1`, [gone.id]),
    ).toEqual([{ n: 0 }]);
    await expectTotalsExact();

    await apply({
      kind: 'insert',
      rows: [{ user: 1, sport: 1, ascent: '2', distance: '2', duration: { days: 0, micros: 5 } }],
    });
    await query(`TRUNCATE workouts CASCADE`);
    expect(await query(`SELECT count(*)::int AS n FROM user_sport_totals`)).toEqual([{ n: 0 }]);
  });

  it('are filled from the existing workouts by their migration', async () => {
    await query(`DELETE FROM workouts WHERE user_id = ANY($1)`, [userIds]);
    await apply({
      kind: 'insert',
      rows: [
        { user: 0, sport: 1, ascent: '12.345', distance: null, duration: { days: 2, micros: 7 } },
        { user: 0, sport: 4, ascent: null, distance: '0.001', duration: { days: 0, micros: 9 } },
        {
          user: 2,
          sport: 1,
          ascent: '0.1',
          distance: '99999.999',
          duration: { days: 0, micros: 0 },
        },
      ],
    });
    await rerunMigration(t.dataSource, new UserSportTotals1797500000000());
    expect(await query(`SELECT count(*)::int AS n FROM user_sport_totals`)).toEqual([{ n: 3 }]);
    await expectTotalsExact();
    await apply({ kind: 'delete', pick: 0 });
    await expectTotalsExact();
  });

  it('survive concurrent writers on the same rows without deadlock', async () => {
    await query(`DELETE FROM workouts WHERE user_id = ANY($1)`, [userIds]);
    const orders = [
      [1, 2, 3, 4],
      [4, 3, 2, 1],
      [2, 4, 1, 3],
      [3, 1, 4, 2],
    ];
    await Promise.all(
      [...orders, ...orders].map((sports) =>
        query(
          `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, distance, ascent)
           SELECT gen_random_uuid(), u, s, '2021-01-01', interval '30 minutes', 2.125, 0.5
           FROM unnest($1::int[]) AS u CROSS JOIN unnest($2::int[]) AS s`,
          [userIds, sports],
        ),
      ),
    );
    await Promise.all(
      orders.map((sports, index) =>
        query(
          `UPDATE workouts SET sport_id = ($2::int[])[1 + (id % 4)]
           WHERE user_id = ANY($1) AND id % 4 = $3`,
          [userIds, sports, index],
        ),
      ),
    );
    await expectTotalsExact();
  });
});
