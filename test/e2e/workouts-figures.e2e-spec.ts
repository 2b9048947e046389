import { WidenWorkoutFigures1796000000000 } from 'src/database/migrations/1796000000000-WidenWorkoutFigures';
import {
  FIGURE_COLUMNS,
  type FigureColumn,
  fitsColumn,
  largestStored,
} from 'src/workouts/figure-columns';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createManualWorkout, setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const COLUMNS = Object.keys(FIGURE_COLUMNS) as FigureColumn[];

/** Large but real activities are stored; figures no column holds are a 400 naming them. */
describe('workout figures and their columns', () => {
  let t: TestApp;
  let token: string;
  let username: string;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.dataSource);
    await setTimezone(t, user.id, 'UTC');
    token = firstPartyToken(t.app, user);
    username = user.username;
  });
  afterAll(() => t.close());

  const post = (body: object) =>
    request(t.http)
      .post('/api/workouts/no_gpx')
      .set(bearer(token))
      .send({
        sport_id: 1,
        duration: 3600,
        distance: 10,
        workout_date: '2024-06-01 08:00',
        ...body,
      });

  it.each(['workouts', 'workout_segments'])(
    '%s: each figure column is the size the code checks against',
    async (table) => {
      const rows = await t.dataSource.query<{ name: FigureColumn; p: number; s: number }[]>(
        `SELECT column_name AS name, numeric_precision AS p, numeric_scale AS s
         FROM information_schema.columns WHERE table_name = $1 AND data_type = 'numeric'
         ORDER BY column_name`,
        [table],
      );
      expect(Object.fromEntries(rows.map((r) => [r.name, [r.p, r.s]]))).toEqual(
        Object.fromEntries(
          COLUMNS.map((c) => [c, [FIGURE_COLUMNS[c].precision, FIGURE_COLUMNS[c].scale]]),
        ),
      );
    },
  );

  it.each(COLUMNS)(
    '%s: what the code accepts is exactly what PostgreSQL stores',
    async (column) => {
      const { precision, scale } = FIGURE_COLUMNS[column];
      const largest = largestStored(column);
      const step = 10 ** -scale;
      for (const value of [largest, largest + 0.4 * step, largest + 0.5 * step, -largest - step]) {
        const isStored = await t.dataSource
          .query(`SELECT $1::numeric(${precision}, ${scale})`, [String(value)])
          .then(
            () => true,
            (error: unknown) => {
              expect(String(error)).toMatch(/numeric field overflow/);
              return false;
            },
          );
        expect([value, fitsColumn(column, value)]).toEqual([value, isStored]);
      }
    },
  );

  it('stores a multi-day tour entered by hand, with the same fields and JSON types', async () => {
    const workout = await createManualWorkout(t, token, {
      workout_date: '2024-06-02 08:00',
      distance: 4321.987,
      duration: 12 * 86400 + 7200,
      ascent: 123456.789,
      descent: '120000',
    });

    expect(workout).toMatchObject({
      distance: 4321.987,
      duration: '12 days, 2:00:00',
      moving: '12 days, 2:00:00',
      ascent: 123456.789,
      descent: 120000,
      ave_speed: 2160.99,
      max_speed: 2160.99,
    });
  });

  it('stores the speed of a fast sport that FitTrackee could not (999 km in a minute)', async () => {
    const workout = await createManualWorkout(t, token, {
      workout_date: '2024-06-03 08:00',
      distance: 999,
      duration: 60,
    });
    expect(workout['ave_speed']).toBe(59940);
  });

  it.each<[string, object, string]>([
    ['distance', { distance: 1e7 }, 'distance (10000000 km) exceeds 9999999.999 km'],
    ['ascent', { ascent: 1e9, descent: 1 }, 'ascent (1000000000 m) exceeds 99999999.999 m'],
    ['descent', { ascent: 1, descent: '1e8' }, 'descent (100000000 m) exceeds 99999999.999 m'],
    [
      'the average speed',
      { distance: 1e6, duration: 1 },
      'ave_speed (3600000000 km/h) exceeds 99999999.99 km/h',
    ],
  ])('POST no_gpx: %s too large for its column → 400 naming it', async (_label, body, text) => {
    expectEnvelopeError(await post(body), 400, 'error', `invalid payload: ${text}`);
  });

  it('PATCH: a distance or a derived speed too large → 400 naming it, nothing changed', async () => {
    const workout = await createManualWorkout(t, token, { workout_date: '2024-06-04 08:00' });
    const patch = (body: object) =>
      request(t.http)
        .patch(`/api/workouts/${workout['id'] as string}`)
        .set(bearer(token))
        .send(body);

    expectEnvelopeError(
      await patch({ distance: 12345678 }),
      400,
      'error',
      'invalid payload: distance (12345678 km) exceeds 9999999.999 km',
    );
    expectEnvelopeError(
      await patch({ distance: 500000, duration: 10 }),
      400,
      'error',
      'invalid payload: ave_speed (180000000 km/h) exceeds 99999999.99 km/h',
    );
    expectEnvelopeError(
      await patch({ ascent: 0, descent: 2e8 }),
      400,
      'error',
      'invalid payload: descent (200000000 m) exceeds 99999999.999 m',
    );
    const after = await request(t.http)
      .get(`/api/workouts/${workout['id'] as string}`)
      .set(bearer(token));
    expect(after.body.data.workouts[0]).toMatchObject({ distance: 10, duration: '1:00:00' });
  });

  it('records and statistics carry the large figures (numbers, as before)', async () => {
    const records = await request(t.http).get('/api/records').set(bearer(token)).expect(200);
    const values = Object.fromEntries(
      (records.body.data.records as { record_type: string; value: unknown }[]).map((r) => [
        r.record_type,
        r.value,
      ]),
    );
    expect(values).toEqual({
      AS: 59940,
      FD: 4321.987,
      HA: 123456.789,
      LD: '12 days, 2:00:00',
      MS: 59940,
    });
    const stats = await request(t.http)
      .get(`/api/stats/${username}/by_time?time=year`)
      .set(bearer(token))
      .expect(200);
    expect(stats.body.data.statistics['2024']['1']).toMatchObject({
      nb_workouts: 3,
      total_distance: 4321.987 + 999 + 10,
      total_ascent: 123456.789,
      total_descent: 120000,
    });
  });
  it('the migration narrows the columns back only while every stored figure fits them', async () => {
    await createManualWorkout(t, token, { workout_date: '2024-07-01 08:00', distance: 1000 });
    const migration = new WidenWorkoutFigures1796000000000();
    const runner = t.dataSource.createQueryRunner();
    const distanceType = async (): Promise<unknown> =>
      (
        await runner.query(
          `SELECT numeric_precision AS p FROM information_schema.columns
           WHERE table_name = 'workouts' AND column_name = 'distance'`,
        )
      )[0];
    try {
      await runner.startTransaction();
      await expect(migration.down(runner)).rejects.toThrow(/numeric field overflow/);
      await runner.rollbackTransaction();
      await runner.startTransaction();
      await runner.query(`DELETE FROM workouts WHERE distance > 999 OR ascent > 99999
        OR descent > 99999 OR max_speed > 9999 OR ave_speed > 9999`);
      await migration.down(runner);
      expect(await distanceType()).toEqual({ p: 6 });
      await migration.up(runner);
      expect(await distanceType()).toEqual({ p: 10 });
      await runner.rollbackTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
