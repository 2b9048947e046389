import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectUnauthorized } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, isEmbeddedRun, type TestApp } from 'test/setup/test-app';

/**
 * The smallest proof that the server works on a database: run by `npm run test:e2e:embedded`
 * on the embedded PGlite, and with the rest of the e2e suite on PostgreSQL.
 */
describe(`smoke (${isEmbeddedRun() ? 'embedded' : 'PostgreSQL'} database)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/ping answers pong', async () => {
    const res = await request(t.http).get('/api/ping').expect(200);
    expect(res.body).toEqual({ status: 'success', message: 'pong!' });
  });

  it('GET /api/config reads the row created at start-up', async () => {
    const res = await request(t.http).get('/api/config').expect(200);
    expect(res.body).toMatchObject({
      status: 'success',
      data: { max_users: 0, version: '0.7.32', is_registration_enabled: true },
    });
  });

  it('GET /api/health reports the database, the job queue and the storage up', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    const up = { database: { status: 'up' }, queue: { status: 'up' }, storage: { status: 'up' } };
    expect(res.body).toEqual({ status: 'ok', info: up, error: {}, details: up });
  });

  it('PATCH /api/config works for an admin with a first-party token, and needs one', async () => {
    const admin = await createUser(t.dataSource, { admin: true });
    expectUnauthorized(await request(t.http).patch('/api/config').send({ max_users: 3 }));
    const res = await request(t.http)
      .patch('/api/config')
      .set(bearer(firstPartyToken(t.app, admin)))
      .send({ max_users: 3 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ max_users: 3, is_registration_enabled: true });
  });

  it('answers concurrent requests that write and read', async () => {
    const admin = await createUser(t.dataSource, { admin: true });
    const token = firstPartyToken(t.app, admin);
    const calls = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? request(t.http).get('/api/config')
        : request(t.http).patch('/api/config').set(bearer(token)).send({ gpx_limit_import: i }),
    );
    const statuses = (await Promise.all(calls)).map((res) => res.status);
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
  });

  it('serves the frequent reads, prepared statements included, and their figures agree', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    for (const [day, distance] of [
      ['2024-03-01 08:00', 10],
      ['2024-03-02 08:00', 5.5],
    ] as const)
      await createManualWorkout(t, token, { workout_date: day, distance, duration: 3600 });
    // Twice each: the second request runs the statement the first one prepared.
    for (let round = 0; round < 2; round++) {
      const profile = await request(t.http).get('/api/auth/profile').set(bearer(token));
      expect(profile.status).toBe(200);
      expect(profile.body.data).toMatchObject({
        nb_workouts: 2,
        nb_sports: 1,
        total_distance: 15.5,
        sports_list: [1],
      });
      const list = await request(t.http).get('/api/workouts?per_page=1').set(bearer(token));
      expect(list.status).toBe(200);
      expect(list.body.data.workouts).toHaveLength(1);
      expect(list.body.data.workouts[0].previous_workout).toEqual(expect.any(String));
      expect(list.body.pagination).toMatchObject({ total: 2, pages: 2 });
      // Read with the token, as the list: the same workout, neighbours included.
      const one = await request(t.http)
        .get(`/api/workouts/${String(list.body.data.workouts[0].id)}`)
        .set(bearer(token));
      expect(one.status).toBe(200);
      expect(one.body.data.workouts).toEqual(list.body.data.workouts);
      const stats = await request(t.http)
        .get(`/api/stats/${user.username}/by_time?time=year`)
        .set(bearer(token));
      expect(stats.body.data.statistics).toEqual({
        '2024': { '1': expect.objectContaining({ nb_workouts: 2, total_distance: 15.5 }) },
      });
      const records = await request(t.http).get('/api/records').set(bearer(token));
      expect(records.status).toBe(200);
      expect(records.body.data.records.length).toBeGreaterThan(0);
      const sports = await request(t.http).get('/api/sports').set(bearer(token));
      expect(sports.status).toBe(200);
      expect(sports.body.data.sports.length).toBeGreaterThan(0);
    }
  });
});
