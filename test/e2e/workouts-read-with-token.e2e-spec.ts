import { SCOPE } from 'src/auth/scopes';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import type { User } from 'src/users/user.entity';
import { encodeShortId } from 'src/workouts/short-id';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectForbidden,
  expectInvalidToken,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { countedGet, logQueriesInto, QUIET_BACKGROUND, scopedTokens } from 'test/helpers/query-log';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { createManualWorkout, setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

interface ListBody {
  data: { workouts: Record<string, unknown>[] };
  pagination: { total: number; page: number };
}

/**
 * `GET /api/workouts` reads its page in the authentication query when its parameters allow
 * (src/workouts/read-with-token.ts), and on its own otherwise (`from` / `to`, read in the
 * caller's time zone). Both must answer the same list: `from=1900-01-01` (before every workout
 * here) sends the same request down the separate read. `GET /api/workouts/<workout_id>` reads
 * its workout with the token too.
 */
describe('workouts read with the token', () => {
  let t: TestApp;
  let owner: User;
  let token: string;
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(QUIET_BACKGROUND);
    owner = await createUser(t.dataSource);
    await setTimezone(t, owner.id, 'Europe/Paris');
    token = firstPartyToken(t.app, owner);
    // Files bring segments, bounds and records; manual workouts vary sport, figures and notes.
    for (const [index, start] of ['2024-05-01T06:00:00Z', '2024-05-03T06:00:00Z'].entries()) {
      const gpx = syntheticGpx({ points: 600 + 300 * index, start: new Date(start), seed: index });
      await postWorkoutFile(t, token, gpx, { data: `{"sport_id": ${1 + index}}` }).expect(201);
    }
    const manual: [number, string, number, number, string][] = [
      [1, '2024-05-02 08:00', 12, 2700, 'morning ride'],
      [3, '2024-05-02 08:00', 4.5, 2400, 'same minute walk'],
      [2, '2023-11-20 18:30', 21.1, 7200, 'long ride'],
      [3, '2024-06-10 07:15', 8, 3000, 'hike'],
      [1, '2022-01-01 00:00', 30, 4000, 'new year ride'],
    ];
    for (const [sport, date, distance, duration, title] of manual)
      await createManualWorkout(t, token, {
        sport_id: sport,
        workout_date: date,
        distance,
        duration,
        title,
        notes: `notes of ${title}`,
      });
    const other = await createUser(t.dataSource);
    await createManualWorkout(t, firstPartyToken(t.app, other), { title: 'not listed' });
    await t.app.get(InProcessJobQueue).drain();
    logQueriesInto(t, queries);
  });
  afterAll(() => t.close());

  const list = async (
    query: string,
    auth = token,
  ): Promise<{ body: ListBody; text: string; count: number }> => {
    const answer = await countedGet(t, queries, `/api/workouts?${query}`, auth);
    expect(answer.status).toBe(200);
    return { ...answer, body: answer.body as ListBody };
  };

  it.each([
    [''],
    ['per_page=2&page=2'],
    ['per_page=3&page=9'],
    ['sport_id=1'],
    ['sport_id=2&per_page=1'],
    ['title=ride'],
    ['distance_from=5&distance_to=25'],
    ['duration_from=0:45&duration_to=2:00'],
    ['ave_speed_from=5'],
    ['max_speed_to=40'],
    ['order=asc'],
    ['order_by=distance'],
    ['order_by=duration&order=asc&per_page=3'],
    ['order_by=ave_speed&sport_id=3'],
  ])('%s: one query, the same answer as the separate read', async (query) => {
    const joined = await list(query);
    const separate = await list(`${query}&from=1900-01-01`);
    expect(joined.count).toBe(1);
    expect(separate.count).toBeGreaterThanOrEqual(2);
    // Byte for byte: key order too.
    expect(joined.text).toBe(separate.text);
  });

  it('lists what it should: every workout with its segments, records and neighbours', async () => {
    const { body } = await list('per_page=100');
    expect(body.pagination.total).toBe(7);
    expect(body.data.workouts.map((workout) => workout['title'])).not.toContain('not listed');
    const uploaded = body.data.workouts.filter((workout) => workout['with_gpx'] === true);
    expect(uploaded).toHaveLength(2);
    for (const workout of uploaded) {
      expect(workout['segments']).toHaveLength(1);
      expect(workout['bounds']).toHaveLength(4);
    }
    expect(body.data.workouts.some((workout) => (workout['records'] as unknown[]).length > 0)).toBe(
      true,
    );
    const [, second] = body.data.workouts;
    expect(second?.['previous_workout']).toBeTruthy();
    expect(second?.['next_workout']).toBeTruthy();
  });

  it('the same page with an OAuth2 access token and a personal access token', async () => {
    const first = await list('per_page=4&sport_id=1');
    for (const scoped of await scopedTokens(t, owner, SCOPE.WORKOUTS_READ)) {
      const read = await list('per_page=4&sport_id=1', scoped);
      expect(read.count).toBe(1);
      expect(read.text).toBe(first.text);
    }
  });

  it('a parameter that does not parse is still refused after authentication', async () => {
    expectUnauthorized(await request(t.http).get('/api/workouts?page=abc'));
    const refused = await request(t.http).get('/api/workouts?page=abc').set(bearer(token));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      status: 'error',
      message: 'error, please try again or contact the administrator',
    });
  });

  it('a workout read with the token is its entry in the separately read list', async () => {
    const { body, count } = await list('per_page=100&from=1900-01-01');
    expect(count).toBeGreaterThanOrEqual(2);
    expect(body.data.workouts).toHaveLength(7);
    for (const workout of body.data.workouts) {
      queries.length = 0;
      const one = await request(t.http)
        .get(`/api/workouts/${String(workout['id'])}`)
        .set(bearer(token))
        .expect(200);
      expect(queries).toHaveLength(1);
      expect((one.body as ListBody).data.workouts).toEqual([workout]);
    }
  });

  it("another user's workout, an unknown and a malformed id: 403, 404, 404", async () => {
    const other = await createUser(t.dataSource);
    const theirs = await createManualWorkout(t, firstPartyToken(t.app, other), {});
    expectForbidden(
      await request(t.http)
        .get(`/api/workouts/${String(theirs['id'])}`)
        .set(bearer(token)),
    );
    const unknown = encodeShortId('00000000-0000-4000-8000-000000000000');
    for (const id of [unknown, 'not-an-id']) {
      queries.length = 0;
      const response = await request(t.http).get(`/api/workouts/${id}`).set(bearer(token));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ status: 'not found', data: { workouts: [] } });
      expect(queries).toHaveLength(1);
    }
  });

  it("a NUL character reaches no SQL: 401 without a token, the edge rule's 400 with one", async () => {
    expectUnauthorized(await request(t.http).get('/api/workouts?title=a%00b'));
    const refused = await request(t.http).get('/api/workouts?title=a%00b').set(bearer(token));
    expect({ status: refused.status, body: refused.body as unknown }).toEqual({
      status: 400,
      body: { status: 'error', message: 'title: NUL characters are not allowed' },
    });
  });

  it('a logged-out token and a deactivated user are refused at once', async () => {
    const user = await createUser(t.dataSource);
    const own = firstPartyToken(t.app, user);
    await list('', own);
    await request(t.http).post('/api/auth/logout').set(bearer(own)).expect(200);
    expectInvalidToken(await request(t.http).get('/api/workouts').set(bearer(own)));
    const [mine] = (await list('', token)).body.data.workouts;
    expectInvalidToken(
      await request(t.http)
        .get(`/api/workouts/${String(mine?.['id'])}`)
        .set(bearer(own)),
    );
    const other = await createUser(t.dataSource);
    const otherToken = firstPartyToken(t.app, other);
    await list('', otherToken);
    await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [other.id]);
    expectUnauthorized(await request(t.http).get('/api/workouts').set(bearer(otherToken)));
  });
});
