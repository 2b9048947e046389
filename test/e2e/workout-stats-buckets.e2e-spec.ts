import { WorkoutStatsBuckets1795855000000 } from 'src/database/migrations/1795855000000-WorkoutStatsBuckets';
import type { User } from 'src/users/user.entity';
import { type Period, StatsRepository } from 'src/workouts/stats/stats.repository';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { rerunMigration } from 'test/helpers/rerun-migration';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, isEmbeddedRun, type TestApp } from 'test/setup/test-app';
import type { EntityManager } from 'typeorm';

const PERIODS: Period[] = ['year', 'month', 'week', 'weekm'];

/**
 * `workout_stats` (migration WorkoutStatsBuckets) is kept by triggers on `workouts`: after
 * any write, every bucket must equal what the live aggregate computes from the workouts.
 */
describe('statistics buckets kept by the workouts triggers', () => {
  let t: TestApp;
  let manager: EntityManager;
  let stats: StatsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    manager = t.dataSource.manager;
    stats = t.app.get(StatsRepository);
  });
  afterAll(() => t.close());

  const expectBucketsInStep = async (userId: number, sportIds: number[] = [1, 3]) => {
    for (const period of PERIODS) {
      const live = await stats.aggregate(manager, userId, {}, period);
      expect(await stats.byPeriod(manager, userId, {}, period)).toEqual(live);
      for (const sportId of sportIds)
        expect(await stats.byPeriod(manager, userId, { sportId }, period)).toEqual(
          live.filter((row) => row.sport_id === sportId),
        );
    }
  };

  const insert = async (userId: number, rows: [number, string, string | null][]) => {
    const values = rows
      .map((_, index) => {
        const at = index * 3;
        return `(gen_random_uuid(), ${userId}, $${at + 1}::int, $${at + 2}::timestamp,
          interval '1 hour', interval '50 minutes', 12.345, $${at + 3}::numeric, 20, 15.5, 0)`;
      })
      .join(', ');
    const ids = await manager.query<{ id: number }[]>(
      `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, moving, distance,
         ave_speed, max_speed, ascent, descent)
       VALUES ${values} RETURNING id`,
      rows.flat(),
    );
    return ids.map((row) => row.id);
  };

  it('follows creations, edits and deletions through the API', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    const created = [];
    for (const [date, sport, distance, duration] of [
      ['2018-12-30 23:30', 1, 10, 3600],
      ['2018-12-31 08:00', 1, 10.25, 3000],
      ['2019-01-01 10:00', 3, 5, 3600],
      ['2020-02-29 10:00', 1, 7.7, 1800],
      ['2020-03-01 00:00', 1, 3.3, 900],
    ] as const)
      created.push(
        await createManualWorkout(t, token, {
          workout_date: date,
          sport_id: sport,
          distance,
          duration,
          ascent: 10,
          descent: 0,
        }),
      );
    await expectBucketsInStep(user.id);

    const patch = (id: unknown, body: Record<string, unknown>) =>
      request(t.http)
        .patch(`/api/workouts/${String(id)}`)
        .set(bearer(token))
        .send(body)
        .expect(200);
    await patch(created[0]?.['id'], { workout_date: '2019-01-06 07:00' });
    await expectBucketsInStep(user.id);
    await patch(created[2]?.['id'], { sport_id: 1, distance: 9.99 });
    await expectBucketsInStep(user.id);
    await patch(created[3]?.['id'], { duration: 7200 });
    await expectBucketsInStep(user.id);
    await patch(created[4]?.['id'], { title: 'renamed' });
    await expectBucketsInStep(user.id);

    await request(t.http)
      .delete(`/api/workouts/${String(created[1]?.['id'])}`)
      .set(bearer(token))
      .expect(204);
    await expectBucketsInStep(user.id);

    const list = await request(t.http).get('/api/workouts?sport_id=3').set(bearer(token));
    expect(list.body.pagination.total).toBe(0);
    const all = await request(t.http).get('/api/workouts').set(bearer(token));
    expect(all.body.pagination.total).toBe(4);
  });

  it('follows multi-row statements, and drops emptied buckets', async () => {
    const user = await createUser(t.dataSource);
    const ids = await insert(user.id, [
      [1, '2021-01-02 23:59:59', '10.25'],
      [1, '2021-01-03 00:00:00', '10.00'],
      [1, '2021-01-04 00:00:00', null],
      [3, '2021-01-04 12:00:00', '4.61'],
      [3, '2021-12-31 23:59:59', '4.62'],
      [3, '2022-01-01 00:00:00', '4.63'],
    ]);
    await expectBucketsInStep(user.id);

    await manager.query(
      `UPDATE workouts SET workout_date = workout_date + interval '1 day', ave_speed = ave_speed + 1
       WHERE id = ANY ($1::int[])`,
      [ids.slice(0, 4)],
    );
    await expectBucketsInStep(user.id);
    await manager.query(`UPDATE workouts SET title = 'only a title' WHERE user_id = $1`, [user.id]);
    await expectBucketsInStep(user.id);

    await manager.query(`DELETE FROM workouts WHERE id = ANY ($1::int[])`, [ids.slice(3)]);
    await expectBucketsInStep(user.id);
    const kept = await manager.query<{ sport_id: number }[]>(
      `SELECT DISTINCT sport_id FROM workout_stats WHERE user_id = $1`,
      [user.id],
    );
    expect(kept).toEqual([{ sport_id: 1 }]);
  });

  it('answers date ranges from whole buckets plus the cut periods, as the live aggregate does', async () => {
    const user = await createUser(t.dataSource);
    const rows: [number, string, string | null][] = [];
    // Two years of workouts every 5 days and 7 hours, two sports, around period boundaries.
    for (let k = 0; k < 150; k++) {
      const at = new Date(Date.UTC(2019, 11, 20) + k * (5 * 86400 + 7 * 3600) * 1000);
      rows.push([
        k % 3 === 0 ? 3 : 1,
        at.toISOString().slice(0, 19).replace('T', ' '),
        `${5 + (k % 7) * 1.37}`,
      ]);
    }
    rows.push([1, '2021-01-01 00:00:00', '9.99'], [1, '2020-12-31 23:59:59', '8.88']);
    await insert(user.id, rows);
    const ranges: [string | undefined, string | undefined][] = [
      ['2020-01-01 00:00:00', '2021-01-01 00:00:00'],
      ['2020-01-01 05:00:00', '2021-01-01 05:00:00'],
      ['2019-12-31 23:00:00', '2021-06-15 23:00:00'],
      ['2020-03-04 00:00:00', '2020-03-11 00:00:00'],
      ['2020-03-05 12:00:00', '2020-03-06 12:00:00'],
      ['2020-06-01 00:00:00', undefined],
      [undefined, '2020-06-17 10:00:00'],
      ['2021-01-01 00:00:00', '2021-01-01 00:00:01'],
      ['2020-05-01 00:00:00', '2020-04-01 00:00:00'],
    ];
    for (const [from, toExclusive] of ranges) {
      for (const period of PERIODS) {
        for (const sportId of [undefined, 3]) {
          const filters = { from, toExclusive, sportId };
          expect([
            from,
            toExclusive,
            period,
            sportId,
            await stats.byPeriod(manager, user.id, filters, period),
          ]).toEqual([
            from,
            toExclusive,
            period,
            sportId,
            await stats.aggregate(manager, user.id, filters, period),
          ]);
        }
      }
    }
    // The whole year 2020 comes from its bucket (a tampered bucket shows), the cut ends live.
    await manager.query(
      `UPDATE workout_stats SET nb_workouts = 999
       WHERE user_id = $1 AND period_kind = 'year' AND period = '2020'`,
      [user.id],
    );
    const mixed = await stats.byPeriod(
      manager,
      user.id,
      { from: '2019-12-31 23:00:00', toExclusive: '2021-06-15 23:00:00' },
      'year',
    );
    expect(mixed.map((row) => [row.period, row.sport_id, row.nb_workouts])).toEqual([
      ['2020', 1, 999],
      ['2020', 3, 999],
      ['2021', 1, expect.any(Number)],
      ['2021', 3, expect.any(Number)],
    ]);
  });

  it('stays right when two transactions write into the same buckets at once', async () => {
    if (isEmbeddedRun()) return; // one connection: no concurrent transactions to race
    const user = await createUser(t.dataSource);
    await insert(user.id, [[1, '2023-05-01 10:00', '10.00']]);
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    try {
      await first.startTransaction();
      await second.startTransaction();
      await first.manager.query(
        `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, moving, ave_speed)
         VALUES (gen_random_uuid(), $1, 1, '2023-05-02 10:00', interval '1 hour', interval '1 hour', 11.11)`,
        [user.id],
      );
      // Its trigger waits on the first transaction's lock on this user's buckets…
      const blocked = second.manager.query(
        `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, moving, ave_speed)
         VALUES (gen_random_uuid(), $1, 1, '2023-05-03 10:00', interval '1 hour', interval '1 hour', 12.34)`,
        [user.id],
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.commitTransaction();
      // …then recomputes with the first transaction's workout visible.
      await blocked;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    await expectBucketsInStep(user.id);
    const [year] = await stats.byPeriod(manager, user.id, { sportId: 1 }, 'year');
    expect(year?.nb_workouts).toBe(3);
  });

  it('stays right under concurrent API writes', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createManualWorkout(t, token, {
          workout_date: `2024-03-0${1 + index} 10:00`,
          distance: 5 + index,
          duration: 1800 + 60 * index,
        }),
      ),
    );
    await expectBucketsInStep(user.id);
    const [year] = await stats.byPeriod(manager, user.id, { sportId: 1 }, 'year');
    expect(year?.nb_workouts).toBe(8);
  });

  it('goes away with its user', async () => {
    const user = await createUser(t.dataSource);
    await insert(user.id, [[1, '2022-06-01 10:00', '10.00']]);
    await manager.query(`DELETE FROM users WHERE id = $1`, [user.id]);
    const left = await manager.query<unknown[]>(`SELECT 1 FROM workout_stats WHERE user_id = $1`, [
      user.id,
    ]);
    expect(left).toEqual([]);
  });

  it('is filled from the existing workouts by its migration', async () => {
    const user = await createUser(t.dataSource);
    await insert(user.id, [
      [1, '2019-02-03 10:00', '10.25'],
      [1, '2019-02-04 10:00', '10.00'],
      [3, '2019-02-05 10:00', '4.61'],
    ]);
    await rerunMigration(t.dataSource, new WorkoutStatsBuckets1795855000000());
    await expectBucketsInStep(user.id);
  });

  it('is emptied with the workouts table', async () => {
    const user: User = await createUser(t.dataSource);
    await insert(user.id, [[1, '2022-06-01 10:00', '10.00']]);
    await manager.query(`TRUNCATE workouts CASCADE`);
    expect(await manager.query(`SELECT count(*)::int AS n FROM workout_stats`)).toEqual([{ n: 0 }]);
  });
});
