import { SCOPE } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/**
 * Stored values that dates and numbers get wrong some way or other, per record type, and what
 * FitTrackee `GET /api/records` answers for them (HTTP dates floored to the second, four-digit
 * years as Python writes them).
 */
type RecordType = 'AS' | 'FD' | 'LD' | 'MS';
type Stored = Record<
  RecordType,
  { stored: string; value: number; date: string; shown: number | string }
>;

const AWKWARD: Stored = {
  AS: {
    stored: '1969-12-31 23:59:59.5',
    value: 1234567,
    date: 'Wed, 31 Dec 1969 23:59:59 GMT',
    shown: 12345.67,
  },
  FD: {
    stored: '0001-01-01 00:00:00',
    value: 42195,
    date: 'Mon, 01 Jan 0001 00:00:00 GMT',
    shown: 42.195,
  },
  LD: {
    stored: '9999-12-31 23:59:59.999999',
    value: 90061,
    date: 'Fri, 31 Dec 9999 23:59:59 GMT',
    shown: '1 day, 1:01:01',
  },
  MS: {
    stored: '2024-02-29 12:00:00.000001',
    value: 5,
    date: 'Thu, 29 Feb 2024 12:00:00 GMT',
    shown: 0.05,
  },
};

interface RecordBody {
  id: number;
  record_type: string;
  sport_id: number;
  user: string;
  value: number | string;
  workout_date: string;
  workout_id: string;
}

describe('records render the same on every route that carries them', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let workoutId: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    const workout = await createManualWorkout(t, token, {
      sport_id: 1,
      workout_date: '2020-01-01 10:00',
      distance: 10,
      duration: 3600,
    });
    workoutId = workout['id'] as string;
  });
  afterAll(() => t.close());

  /** Stores `values` in the user's records of each type, returns what the routes must answer. */
  async function store(values: Stored): Promise<RecordBody[]> {
    const rows: { id: number; record_type: RecordType }[] = await t.dataSource.query(
      `SELECT id, record_type FROM records WHERE user_id = $1 ORDER BY record_type`,
      [user.id],
    );
    expect(rows.map((row) => row.record_type)).toEqual(['AS', 'FD', 'LD', 'MS']);
    for (const row of rows) {
      const awkward = values[row.record_type];
      await t.dataSource.query(`UPDATE records SET workout_date = $2, value = $3 WHERE id = $1`, [
        row.id,
        awkward.stored,
        awkward.value,
      ]);
    }
    return rows.map((row) => ({
      id: row.id,
      record_type: row.record_type,
      sport_id: 1,
      user: user.username,
      value: values[row.record_type].shown,
      workout_date: values[row.record_type].date,
      workout_id: workoutId,
    }));
  }

  async function answered(path: string, bearerToken: string): Promise<unknown> {
    const res = await request(t.http).get(path).set(bearer(bearerToken)).expect(200);
    return res.body.data;
  }

  async function everyRoute(): Promise<unknown[]> {
    const admin = await createUser(t.dataSource, { admin: true });
    const adminToken = firstPartyToken(t.app, admin);
    const oauth2 = await oauth2AccessToken(t.app, user, SCOPE.PROFILE_READ, SCOPE.WORKOUTS_READ);
    const records = (data: unknown): unknown => (data as { records: unknown }).records;
    const users = (data: unknown): unknown[] =>
      (data as { users: { records: unknown }[] }).users.map((one) => one.records);
    const workouts = (data: unknown): unknown[] =>
      (data as { workouts: { records: unknown }[] }).workouts.map((workout) => workout.records);
    return [
      records(await answered('/api/records', token)),
      records(await answered('/api/records', oauth2)),
      records(await answered('/api/auth/profile', token)),
      records(await answered('/api/auth/profile', oauth2)),
      ...users(await answered(`/api/users/${user.username}`, adminToken)),
      ...workouts(await answered(`/api/workouts/${workoutId}`, token)),
      ...workouts(await answered('/api/workouts', token)),
    ];
  }

  it('answers the stored values, the same through the first-party, OAuth2 and admin reads', async () => {
    const expected = await store(AWKWARD);
    const answers = await everyRoute();
    expect(answers).toHaveLength(7);
    for (const answer of answers) expect(answer).toEqual(expected);
  });

  it('answers a change of a record at once, on every route', async () => {
    await store(AWKWARD);
    await everyRoute();
    const changed: Stored = {
      ...AWKWARD,
      FD: {
        stored: '2030-06-15 08:30:00',
        value: 1,
        date: 'Sat, 15 Jun 2030 08:30:00 GMT',
        shown: 0.001,
      },
    };
    const expected = await store(changed);
    for (const answer of await everyRoute()) expect(answer).toEqual(expected);
  });
});
