import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import type { TestApp } from 'test/setup/test-app';

export interface ManualWorkoutBody {
  sport_id?: unknown;
  duration?: unknown;
  distance?: unknown;
  workout_date?: unknown;
  title?: unknown;
  notes?: unknown;
  ascent?: unknown;
  descent?: unknown;
}

/** Creates a manual workout through the API and returns the serialized workout. */
export async function createManualWorkout(
  t: TestApp,
  token: string,
  body: ManualWorkoutBody,
): Promise<Record<string, unknown>> {
  const res = await request(t.http)
    .post('/api/workouts/no_gpx')
    .set(bearer(token))
    .send({ sport_id: 1, duration: 3600, distance: 10, workout_date: '2018-05-15 14:05', ...body });
  if (res.status !== 201) throw new Error(`workout creation failed: ${res.status} ${res.text}`);
  return (res.body as { data: { workouts: Record<string, unknown>[] } }).data.workouts[0]!;
}

/** Sets a user's time zone directly in the database. */
export async function setTimezone(
  t: TestApp,
  userId: number,
  timezone: string | null,
): Promise<void> {
  await t.dataSource.query(`UPDATE users SET timezone = $1 WHERE id = $2`, [timezone, userId]);
}
