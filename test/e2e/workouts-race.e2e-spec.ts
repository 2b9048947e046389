import { setTimeout as delay } from 'node:timers/promises';

import type { User } from 'src/users/user.entity';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const ITERATIONS = 12;
const NOT_FOUND = { status: 404, body: { status: 'not found', data: { workouts: [] } } };

/**
 * A PATCH and a DELETE of one workout at once: whichever loses gets FitTrackee's 404, never a
 * 500 ("workout N vanished"), and nothing is half written.
 */
describe('workouts: concurrent edit and delete', () => {
  let t: TestApp;
  let user: User;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(() => t.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const patch = (id: string): Promise<Response> =>
    request(t.http).patch(`/api/workouts/${id}`).set(bearer(token)).send({ title: 'renamed' });
  const remove = (id: string): Promise<Response> =>
    request(t.http).delete(`/api/workouts/${id}`).set(bearer(token));

  async function expectNothingLeft(): Promise<void> {
    const rows: { workouts: number; records: number }[] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM workouts WHERE user_id = $1)::int AS workouts,
              (SELECT count(*) FROM records WHERE user_id = $1)::int AS records`,
      [user.id],
    );
    expect(rows[0]).toEqual({ workouts: 0, records: 0 });
  }

  function expectUpdatedOrGone(res: Response): void {
    if (res.status === 200) expect(res.body.data.workouts[0].title).toBe('renamed');
    else expect({ status: res.status, body: res.body }).toEqual(NOT_FOUND);
  }

  it(`answers 200 or 404 to the PATCH and 204 to the DELETE, ${ITERATIONS} times`, async () => {
    const outcomes = new Set<number>();
    for (let i = 0; i < ITERATIONS; i++) {
      const id = String((await createManualWorkout(t, token, {}))['id']);
      const [edited, deleted] = await Promise.all([patch(id), remove(id)]);
      expect(deleted.status).toBe(204);
      expectUpdatedOrGone(edited);
      outcomes.add(edited.status);
    }
    expect([...outcomes].every((status) => status === 200 || status === 404)).toBe(true);
    await expectNothingLeft();
  });

  it('answers 200 when the DELETE arrives while the PATCH reads its answer back', async () => {
    const id = String((await createManualWorkout(t, token, {}))['id']);
    const repository = t.app.get(WorkoutsRepository);
    const getRow = repository.getRow.bind(repository);
    let deleted: Promise<Response> | undefined;
    jest.spyOn(repository, 'getRow').mockImplementationOnce(async (manager, workoutId) => {
      // The DELETE is sent between the PATCH's write and its read-back; it waits for the
      // PATCH's transaction if the read-back is inside it, or deletes the row at once if not.
      deleted = remove(id);
      await Promise.race([deleted, delay(300)]);
      return getRow(manager, workoutId);
    });
    const edited = await patch(id);
    expect(edited.status).toBe(200);
    expect(edited.body.data.workouts[0].title).toBe('renamed');
    expect((await deleted)?.status).toBe(204);
    await expectNothingLeft();
  });

  it(`answers a GET racing a DELETE with the whole workout or 404, ${ITERATIONS} times`, async () => {
    // The caller and the workout come in one statement (read with the token): the deletion
    // lands before or after it, never between.
    for (let i = 0; i < ITERATIONS; i++) {
      const created = await createManualWorkout(t, token, { title: `raced ${i}` });
      const id = String(created['id']);
      const [read, deleted] = await Promise.all([
        request(t.http).get(`/api/workouts/${id}`).set(bearer(token)),
        remove(id),
      ]);
      expect(deleted.status).toBe(204);
      if (read.status === 200) expect(read.body.data.workouts).toEqual([created]);
      else expect({ status: read.status, body: read.body }).toEqual(NOT_FOUND);
    }
    await expectNothingLeft();
  });
});
