import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const DEFAULT_500 = 'error, please try again or contact the administrator';

interface Listed {
  id: string;
  title: string;
  previous_workout: string | null;
  next_workout: string | null;
}

/** Five workouts of a Europe/Paris user (the default time zone). */
const SEED = [
  {
    key: 'W1',
    sport_id: 1,
    workout_date: '2018-01-01 00:30',
    distance: 5,
    duration: 1800,
    title: 'Morning ride',
  },
  {
    key: 'W2',
    sport_id: 1,
    workout_date: '2018-01-15 10:00',
    distance: 20,
    duration: 3600,
    title: 'Ride',
  },
  {
    key: 'W3',
    sport_id: 2,
    workout_date: '2018-02-01 10:00',
    distance: 10,
    duration: 7200,
    title: 'Commute',
  },
  {
    key: 'W4',
    sport_id: 3,
    workout_date: '2018-02-28 23:30',
    distance: 8,
    duration: 10800,
    title: 'Night hike',
  },
  {
    key: 'W5',
    sport_id: 1,
    workout_date: '2018-03-10 10:00',
    distance: 50,
    duration: 7500,
    title: 'Long ride',
  },
];

describe('GET /api/workouts (as in FitTrackee, docs/compatibility.md#pagination)', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  const ids: Record<string, string> = {};
  const keyOf = (id: string): string => Object.keys(ids).find((key) => ids[key] === id) ?? id;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    for (const { key, ...body } of SEED)
      ids[key] = (await createManualWorkout(t, token, body))['id'] as string;
    const other = await createUser(t.dataSource);
    await createManualWorkout(t, firstPartyToken(t.app, other), {});
  });
  afterAll(() => t.close());

  const list = async (
    query: string,
  ): Promise<{ keys: string[]; body: Record<string, unknown> }> => {
    const res = await request(t.http).get(`/api/workouts${query}`).set(bearer(token)).expect(200);
    const workouts = (res.body as { data: { workouts: Listed[] } }).data.workouts;
    return {
      keys: workouts.map((workout) => keyOf(workout.id)),
      body: res.body as Record<string, unknown>,
    };
  };

  it('lists only own workouts, newest first, 5 per page', async () => {
    const { keys, body } = await list('');
    expect(keys).toEqual(['W5', 'W4', 'W3', 'W2', 'W1']);
    expect(body['status']).toBe('success');
    expect(body['pagination']).toEqual({
      has_next: false,
      has_prev: false,
      page: 1,
      pages: 1,
      total: 5,
    });
  });

  it.each([
    ['?per_page=2', ['W5', 'W4'], { has_next: true, has_prev: false, page: 1, pages: 3, total: 5 }],
    [
      '?per_page=2&page=3',
      ['W1'],
      { has_next: false, has_prev: true, page: 3, pages: 3, total: 5 },
    ],
    ['?per_page=2&page=4', [], { has_next: false, has_prev: true, page: 4, pages: 3, total: 5 }],
    [
      '?page=0',
      ['W5', 'W4', 'W3', 'W2', 'W1'],
      { has_next: false, has_prev: false, page: 1, pages: 1, total: 5 },
    ],
    [
      '?page=-3&per_page=0',
      ['W5', 'W4', 'W3', 'W2', 'W1'],
      { has_next: false, has_prev: false, page: 1, pages: 1, total: 5 },
    ],
    ['?sport_id=99', [], { has_next: false, has_prev: false, page: 1, pages: 0, total: 0 }],
  ])('paginates %s', async (query, expected, pagination) => {
    const { keys, body } = await list(query);
    expect(keys).toEqual(expected);
    expect(body['pagination']).toEqual(pagination);
  });

  it.each([
    ['?sport_id=1', ['W5', 'W2', 'W1']],
    ['?title=RIDE', ['W5', 'W2', 'W1']],
    ['?title=commute', ['W3']],
    // Dates are days in the user's time zone: W1 is 2017-12-31 23:30 UTC, 2018-01-01 in Paris.
    ['?from=2018-01-01', ['W5', 'W4', 'W3', 'W2', 'W1']],
    ['?from=2018-01-02', ['W5', 'W4', 'W3', 'W2']],
    ['?to=2018-02-28', ['W4', 'W3', 'W2', 'W1']],
    ['?to=2018-02-27', ['W3', 'W2', 'W1']],
    ['?from=2018-01-15&to=2018-02-01', ['W3', 'W2']],
    ['?distance_from=10&distance_to=20', ['W3', 'W2']],
    ['?distance_from=0', ['W5', 'W4', 'W3', 'W2', 'W1']],
    ['?duration_from=1:00&duration_to=2:00', ['W3', 'W2']],
    ['?duration_from=2:05', ['W5', 'W4']],
    ['?ave_speed_from=5&ave_speed_to=10', ['W3', 'W1']],
    ['?max_speed_from=20', ['W5', 'W2']],
    ['?max_speed_to=3', ['W4']],
    ['?order=asc', ['W1', 'W2', 'W3', 'W4', 'W5']],
    ['?order=whatever', ['W5', 'W4', 'W3', 'W2', 'W1']],
    ['?order_by=distance&order=asc', ['W1', 'W4', 'W3', 'W2', 'W5']],
    ['?order_by=duration', ['W4', 'W5', 'W3', 'W2', 'W1']],
    ['?order_by=ave_speed&order=asc', ['W4', 'W3', 'W1', 'W2', 'W5']],
    ['?order_by=workout_date&order=asc&per_page=2&page=2', ['W3', 'W4']],
    ['?sport_id=&title=&from=&to=&order_by=', ['W5', 'W4', 'W3', 'W2', 'W1']],
  ])('filters %s', async (query, expected) => {
    expect((await list(query)).keys).toEqual(expected);
  });

  it('applies the list constraints to previous/next (FitTrackee `GET /api/workouts/<workout_id>`)', async () => {
    const res = await request(t.http)
      .get('/api/workouts?sport_id=1')
      .set(bearer(token))
      .expect(200);
    const workouts = res.body.data.workouts as Listed[];
    const w2 = workouts.find((workout) => workout.id === ids['W2']);
    expect(w2).toMatchObject({ previous_workout: ids['W1'], next_workout: ids['W5'] });
    const all = await request(t.http).get('/api/workouts').set(bearer(token)).expect(200);
    const w2All = (all.body.data.workouts as Listed[]).find((workout) => workout.id === ids['W2']);
    expect(w2All).toMatchObject({ previous_workout: ids['W1'], next_workout: ids['W3'] });
  });

  it.each([
    'page=A',
    'per_page=x',
    'page=1.5',
    'from=2018-13-01',
    'to=yesterday',
    'distance_from=abc',
    'ave_speed_to=nan',
    'max_speed_from=1,5',
    'duration_from=1',
    'duration_to=a:b',
    'order_by=title',
    'sport_id=abc',
  ])('answers 400 with the default message for %s', async (query) => {
    expectEnvelopeError(
      await request(t.http).get(`/api/workouts?${query}`).set(bearer(token)),
      400,
      'error',
      DEFAULT_500,
    );
  });

  it('caps per_page at 100', async () => {
    const bulk = await createUser(t.dataSource);
    await insertWorkoutsInBulk(t.dataSource, bulk.id, 130);
    const res = await request(t.http)
      .get('/api/workouts?per_page=500')
      .set(bearer(firstPartyToken(t.app, bulk)))
      .expect(200);
    expect(res.body.data.workouts).toHaveLength(100);
    expect(res.body.pagination).toEqual({
      has_next: true,
      has_prev: false,
      page: 1,
      pages: 2,
      total: 130,
    });
  });

  it('requires a token and the workouts:read scope', async () => {
    expectUnauthorized(await request(t.http).get('/api/workouts'));
    const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
    const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
    expectInsufficientScope(await request(t.http).get('/api/workouts').set(bearer(writeOnly)));
    await request(t.http).get('/api/workouts').set(bearer(readOnly)).expect(200);
  });
});
