import { RecordsRepository } from 'src/workouts/records/records.repository';
import { StatsRepository } from 'src/workouts/stats/stats.repository';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import type { EntityManager } from 'typeorm';

/**
 * Expected values were produced with CPython 3 running the reference's formula
 * `round((avg * (n - 1) + float(speed)) / n, 2)` (FitTrackee `GET /api/stats/<username>/by_time`).
 */
const VECTORS: [string[], number][] = [
  [['10.00', '10.25'], 10.12],
  [['0.10', '0.15'], 0.12],
  [['1.25', '1.00'], 1.12],
  [['10.00', '10.01'], 10.0],
  [['10.00', '10.09'], 10.04],
  [['10.00', '10.11'], 10.05],
  [['10.00', '10.01', '10.02'], 10.01],
  [['4.61', '4.62', '4.63', '4.64'], 4.62],
  [['12.34', '5.67', '8.91', '23.45', '0.01', '99.99'], 25.06],
  [['12.35', '32.34', '3.95', '5.93', '43.89', '7.71'], 17.7],
  [['47.74', '4.75', '41.56', '17.58', '3.07', '7.04'], 20.29],
  [['10.14', '18.28', '47.75', '5.06', '47.27', '47.96', '32.49', '4.06', '18.11', '3.81'], 23.49],
  [
    ['14.80', '8.44', '47.64', '46.79', '15.39', '30.50', '7.98', '44.87', '5.14', '46.23', '4.88'],
    24.79,
  ],
  [['21.52', '23.09', '0.33'], 14.98],
  [['46.39', '26.10', '10.28', '42.22', '4.42', '37.40', '45.81', '32.14', '32.60', '32.68'], 31.0],
  [['13.29', '9.00', '27.85', '49.21', '4.30', '8.38', '0.01', '46.43'], 19.8],
  [['43.26'], 43.26],
];

describe('pk_stats_average_speed (the reference rounded running mean)', () => {
  let t: TestApp;
  let manager: EntityManager;

  beforeAll(async () => {
    t = await createTestApp();
    manager = t.dataSource.manager;
  });
  afterAll(() => t.close());

  const average = async (speeds: (string | null)[]): Promise<number> => {
    const rows = await manager.query<{ average: string }[]>(
      `SELECT pk_stats_average_speed(v ORDER BY i)::text AS average
       FROM unnest($1::numeric[]) WITH ORDINALITY AS t(v, i)`,
      [`{${speeds.map((speed) => speed ?? 'NULL').join(',')}}`],
    );
    return Number(rows[0]?.average);
  };

  it.each(VECTORS)('averages %j to %p like CPython', async (speeds, expected) => {
    expect(await average(speeds)).toBe(expected);
  });

  it('skips null speeds (whole-day manual workouts) instead of failing', async () => {
    expect(await average(['10.00', null, '20.00'])).toBe(15);
  });
});

/** SQL-level checks of bucketing and record election, run on the real PostgreSQL. */
describe('statistics buckets and record election (SQL)', () => {
  let t: TestApp;
  let manager: EntityManager;

  beforeAll(async () => {
    t = await createTestApp();
    manager = t.dataSource.manager;
  });
  afterAll(() => t.close());

  const insert = async (userId: number, date: string, fields: Record<string, number> = {}) => {
    const values = { sport_id: 1, distance: 10, moving: 3600, ave_speed: 10, ascent: 0, ...fields };
    const rows = await manager.query<{ id: number }[]>(
      `INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration, moving, distance, ave_speed, max_speed, ascent)
       VALUES (gen_random_uuid(), $1, $2, $3::timestamp, $4 * interval '1 second', $4 * interval '1 second', $5, $6, $6, $7)
       RETURNING id`,
      [
        userId,
        values.sport_id,
        date,
        values.moving,
        values.distance,
        values.ave_speed,
        values.ascent,
      ],
    );
    return rows[0]!.id;
  };

  it('buckets by Sunday week, Monday week, month and year on the UTC date', async () => {
    const user = await createUser(t.dataSource);
    for (const date of [
      '2018-04-01 08:00',
      '2018-04-02 00:00',
      '2018-04-07 23:59',
      '2018-04-08 00:00',
      '2018-12-31 10:00',
      '2019-01-01 10:00',
    ])
      await insert(user.id, date);
    const stats = t.app.get(StatsRepository);
    const keys = async (period: 'week' | 'weekm' | 'month' | 'year') =>
      (await stats.aggregate(manager, user.id, {}, period)).map((row) => [
        row.period,
        row.nb_workouts,
      ]);
    expect(await keys('week')).toEqual([
      ['2018-04-01', 3],
      ['2018-04-08', 1],
      ['2018-12-30', 2],
    ]);
    expect(await keys('weekm')).toEqual([
      ['2018-03-26', 1],
      ['2018-04-02', 3],
      ['2018-12-31', 2],
    ]);
    expect(await keys('month')).toEqual([
      ['2018-04', 4],
      ['2018-12', 1],
      ['2019-01', 1],
    ]);
    expect(await keys('year')).toEqual([
      ['2018', 5],
      ['2019', 1],
    ]);
  });

  it('elects the highest value, ties going to the earliest workout, and skips zeros', async () => {
    const user = await createUser(t.dataSource);
    const later = await insert(user.id, '2020-06-02 10:00', { distance: 42, ave_speed: 12 });
    const earlier = await insert(user.id, '2020-06-01 10:00', { distance: 42, ave_speed: 11 });
    const longest = await insert(user.id, '2020-06-03 10:00', {
      distance: 1,
      ave_speed: 1,
      moving: 30 * 3600,
    });
    const records = t.app.get(RecordsRepository);
    await records.recompute(manager, user.id, 1);
    const rows = await manager.query<{ record_type: string; workout_id: number; value: string }[]>(
      'SELECT record_type, workout_id, value::text AS value FROM records WHERE user_id = $1',
      [user.id],
    );
    const holders = Object.fromEntries(
      rows.map((row) => [row.record_type, [row.workout_id, row.value]]),
    );
    expect(holders).toEqual({
      AS: [later, '1200'],
      FD: [earlier, '42000'],
      LD: [longest, '108000'],
      MS: [later, '1200'],
    });
  });
});
