import type { User } from 'src/users/user.entity';
import {
  USER_WORKOUT_SUMMARY,
  type UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectInsufficientScope, expectUnauthorized } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

interface RecordBody {
  record_type: string;
  sport_id: number;
  value: number | string;
  workout_id: string;
  workout_date: string;
}

describe('records and the create/edit/delete scenario (FitTrackee `GET /api/records`, `/api/stats`)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const records = async (token: string): Promise<[number, string, number | string, string][]> => {
    const res = await request(t.http).get('/api/records').set(bearer(token)).expect(200);
    return (res.body.data.records as RecordBody[]).map((r) => [
      r.sport_id,
      r.record_type,
      r.value,
      r.workout_id,
    ]);
  };
  const stats = async (user: User, token: string, path: string): Promise<unknown> => {
    const res = await request(t.http)
      .get(`/api/stats/${user.username}/${path}`)
      .set(bearer(token))
      .expect(200);
    return res.body.data.statistics;
  };

  it('gives exactly the spec records and statistics after 3 creations, an edit and a deletion', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    const a = (
      await createManualWorkout(t, token, {
        sport_id: 1,
        workout_date: '2018-04-01 10:00',
        distance: 20,
        duration: 3600,
        ascent: 100,
        descent: 80,
      })
    )['id'] as string;
    const b = (
      await createManualWorkout(t, token, {
        sport_id: 1,
        workout_date: '2018-04-08 10:00',
        distance: 30,
        duration: 7200,
      })
    )['id'] as string;
    const c = (
      await createManualWorkout(t, token, {
        sport_id: 2,
        workout_date: '2018-04-10 10:00',
        distance: 12,
        duration: 6000,
        ascent: 50,
        descent: 60,
      })
    )['id'] as string;
    expect(await records(token)).toEqual([
      [1, 'AS', 20, a],
      [1, 'FD', 30, b],
      [1, 'HA', 100, a],
      [1, 'LD', '2:00:00', b],
      [1, 'MS', 20, a],
      [2, 'AS', 7.2, c],
      [2, 'FD', 12, c],
      [2, 'HA', 50, c],
      [2, 'LD', '1:40:00', c],
      [2, 'MS', 7.2, c],
    ]);

    await request(t.http)
      .patch(`/api/workouts/${b}`)
      .set(bearer(token))
      .send({ distance: 45 })
      .expect(200);
    expect(await records(token)).toEqual([
      [1, 'AS', 22.5, b],
      [1, 'FD', 45, b],
      [1, 'HA', 100, a],
      [1, 'LD', '2:00:00', b],
      [1, 'MS', 22.5, b],
      [2, 'AS', 7.2, c],
      [2, 'FD', 12, c],
      [2, 'HA', 50, c],
      [2, 'LD', '1:40:00', c],
      [2, 'MS', 7.2, c],
    ]);
    expect(await stats(user, token, 'by_time?time=month')).toEqual({
      '2018-04': {
        '1': {
          average_speed: 21.25,
          nb_workouts: 2,
          total_ascent: 100,
          total_descent: 80,
          total_distance: 65,
          total_duration: 10800,
        },
        '2': {
          average_speed: 7.2,
          nb_workouts: 1,
          total_ascent: 50,
          total_descent: 60,
          total_distance: 12,
          total_duration: 6000,
        },
      },
    });

    await request(t.http).delete(`/api/workouts/${a}`).set(bearer(token)).expect(204);
    // Sport 1 loses its HA record: the remaining workout has no ascent (FitTrackee
    // `GET /api/records`).
    expect(await records(token)).toEqual([
      [1, 'AS', 22.5, b],
      [1, 'FD', 45, b],
      [1, 'LD', '2:00:00', b],
      [1, 'MS', 22.5, b],
      [2, 'AS', 7.2, c],
      [2, 'FD', 12, c],
      [2, 'HA', 50, c],
      [2, 'LD', '1:40:00', c],
      [2, 'MS', 7.2, c],
    ]);
    const sport1 = {
      average_speed: 22.5,
      nb_workouts: 1,
      total_ascent: 0,
      total_descent: 0,
      total_distance: 45,
      total_duration: 7200,
    };
    const sport2 = {
      average_speed: 7.2,
      nb_workouts: 1,
      total_ascent: 50,
      total_descent: 60,
      total_distance: 12,
      total_duration: 6000,
    };
    expect(await stats(user, token, 'by_time')).toEqual({ '2018': { '1': sport1, '2': sport2 } });
    expect(await stats(user, token, 'by_time?time=year')).toEqual({
      '2018': { '1': sport1, '2': sport2 },
    });
    expect(await stats(user, token, 'by_time?time=week')).toEqual({
      '2018-04-08': { '1': sport1, '2': sport2 },
    });
    expect(await stats(user, token, 'by_time?time=weekm')).toEqual({
      '2018-04-02': { '1': sport1 },
      '2018-04-09': { '2': sport2 },
    });
    expect(await stats(user, token, 'by_sport')).toEqual({ '1': sport1, '2': sport2 });
    expect(await stats(user, token, 'by_sport?sport_id=2')).toEqual({ '2': sport2 });

    const [summary] = (
      await t.app.get<UserWorkoutSummaryProvider>(USER_WORKOUT_SUMMARY).summarizeMany([user.id])
    ).summaries;
    expect(summary).toMatchObject({
      nbSports: 2,
      nbWorkouts: 2,
      sportsList: [1, 2],
      totalAscent: 50,
      totalDistance: 57,
      totalDurationSeconds: 13200,
    });
    expect(summary?.records).toHaveLength(9);
  });

  it('lists, counts and gives LD to a 30-hour manual workout', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    await createManualWorkout(t, token, {
      duration: 5 * 3600,
      distance: 90,
      workout_date: '2021-06-01 06:00',
    });
    const long = await createManualWorkout(t, token, {
      duration: 30 * 3600,
      distance: 100,
      workout_date: '2021-06-05 06:00',
    });
    expect(long).toMatchObject({
      duration: '1 day, 6:00:00',
      moving: '1 day, 6:00:00',
      ave_speed: 16.67,
    });

    const list = await request(t.http).get('/api/workouts').set(bearer(token)).expect(200);
    expect(list.body.data.workouts[0]).toMatchObject({
      id: long['id'],
      duration: '1 day, 6:00:00',
    });
    expect((await records(token)).find(([, type]) => type === 'LD')).toEqual([
      1,
      'LD',
      '1 day, 6:00:00',
      long['id'],
    ]);
    expect(await stats(user, token, 'by_time?time=year')).toEqual({
      '2021': {
        '1': {
          average_speed: 17.34,
          nb_workouts: 2,
          total_ascent: 0,
          total_descent: 0,
          total_distance: 190,
          total_duration: 35 * 3600,
        },
      },
    });
    const [summary] = (
      await t.app.get<UserWorkoutSummaryProvider>(USER_WORKOUT_SUMMARY).summarizeMany([user.id])
    ).summaries;
    expect(summary?.totalDurationSeconds).toBe(35 * 3600);
  });

  it('keeps one record per type under concurrent creations by the same user', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    const distances = [11, 15, 13, 19, 12, 18, 14, 17, 16, 10];
    const responses = await Promise.all(
      distances.map((distance, index) =>
        request(t.http)
          .post('/api/workouts/no_gpx')
          .set(bearer(token))
          .send({
            sport_id: 1,
            duration: 3600,
            distance,
            workout_date: `2022-01-${String(index + 1).padStart(2, '0')} 10:00`,
          }),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual(distances.map(() => 201));
    const rows = await records(token);
    expect(rows.map(([sport, type, value]) => [sport, type, value])).toEqual([
      [1, 'AS', 19],
      [1, 'FD', 19],
      [1, 'LD', '1:00:00'],
      [1, 'MS', 19],
    ]);
    const counts = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM records WHERE user_id = $1`,
      [user.id],
    );
    expect(counts[0]!.n).toBe(4);
    // LD ties (all one hour) go to the earliest workout.
    const earliest = responses[0]!.body.data.workouts[0].id as string;
    expect(rows.find(([, type]) => type === 'LD')![3]).toBe(earliest);
  });

  it('answers an empty list without records, and needs a token with workouts:read', async () => {
    const user = await createUser(t.dataSource);
    const res = await request(t.http)
      .get('/api/records')
      .set(bearer(firstPartyToken(t.app, user)))
      .expect(200);
    expect(res.body).toEqual({ status: 'success', data: { records: [] } });
    expectUnauthorized(await request(t.http).get('/api/records'));
    const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
    const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
    expectInsufficientScope(await request(t.http).get('/api/records').set(bearer(writeOnly)));
    await request(t.http).get('/api/records').set(bearer(readOnly)).expect(200);
  });
});
