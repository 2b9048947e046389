import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

interface ListBody {
  data: { workouts: { id: string }[] };
  pagination: { total: number; pages: number };
}

/**
 * The list total comes from the per-sport totals when only the sport narrows the list, and
 * from a count otherwise (FitTrackee `GET /api/workouts`, docs/compatibility.md#pagination): both
 * must count what is listed.
 */
describe('GET /api/workouts totals', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    for (let index = 0; index < 12; index++)
      await createManualWorkout(t, token, {
        sport_id: index % 3 === 0 ? 3 : 1,
        workout_date: `20${10 + index}-0${1 + (index % 9)}-1${index % 10} 10:00`,
        distance: 5 + index,
        duration: 1800 + 300 * index,
        title: index % 2 === 0 ? 'even ride' : 'odd walk',
      });
    const other = await createUser(t.dataSource);
    await createManualWorkout(t, firstPartyToken(t.app, other), {});
  });
  afterAll(() => t.close());

  const list = async (query: string): Promise<ListBody> =>
    (await request(t.http).get(`/api/workouts?${query}`).set(bearer(token)).expect(200))
      .body as ListBody;

  it.each([
    ['', 12],
    ['sport_id=1', 8],
    ['sport_id=3', 4],
    ['sport_id=2', 0],
    ['title=even', 6],
    ['sport_id=3&title=even', 2],
    ['from=2015-01-01', 7],
    ['distance_from=10&distance_to=12', 3],
    ['duration_from=1:00', 6],
  ])('counts what %s lists', async (query, expected) => {
    const all = await list(`${query}&per_page=100`);
    expect(all.data.workouts).toHaveLength(expected);
    expect(all.pagination.total).toBe(expected);
    const paged = await list(`${query}&per_page=5&page=2`);
    expect(paged.pagination.total).toBe(expected);
    const past = await list(`${query}&per_page=5&page=9`);
    expect(past.data.workouts).toEqual([]);
    expect(past.pagination.total).toBe(expected);
  });

  it('follows deletions and sport changes', async () => {
    const [first, second] = (await list('sport_id=1&per_page=2')).data.workouts;
    await request(t.http)
      .delete(`/api/workouts/${String(first?.id)}`)
      .set(bearer(token))
      .expect(204);
    await request(t.http)
      .patch(`/api/workouts/${String(second?.id)}`)
      .set(bearer(token))
      .send({ sport_id: 3 })
      .expect(200);
    expect((await list('')).pagination.total).toBe(11);
    expect((await list('sport_id=1')).pagination.total).toBe(6);
    expect((await list('sport_id=3')).pagination.total).toBe(5);
  });
});
