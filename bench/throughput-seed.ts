import { createUser } from 'test/helpers/factories';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';
import type { DataSource } from 'typeorm';

import { login } from './upload-client';

export const WORKOUTS = 10_000;

export interface Seeded {
  /** Bearer token of the user who owns the 10,000 workouts, and that user's name. */
  token: string;
  username: string;
  /** Bearer token and id of a user without any workout. */
  lightToken: string;
  lightUserId: number;
}

/**
 * One user with 10,000 workouts over three sports, one without any, and an upload limit that
 * lets a 100,000-point GPX through; then VACUUM ANALYZE, so that every route is planned on
 * fresh statistics and no autovacuum starts in the middle of a measurement.
 */
export async function seed(base: string, dataSource: DataSource): Promise<Seeded> {
  const user = await createUser(dataSource);
  await insertWorkoutsInBulk(dataSource, user.id, WORKOUTS, { sports: 3 });
  const token = await login(base, user.email);
  // One workout per sport through the API: the records are computed as for any new workout.
  for (const sport of [1, 2, 3]) {
    const response = await fetch(`${base}/api/workouts/no_gpx`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        sport_id: sport,
        duration: 3600,
        distance: 10,
        workout_date: '2030-01-01 10:00',
      }),
    });
    if (response.status !== 201) throw new Error(`seeding: HTTP ${response.status}`);
  }
  await dataSource.query(
    `UPDATE app_config SET max_single_file_size = 64 << 20, max_zip_file_size = 128 << 20`,
  );
  const light = await createUser(dataSource);
  const lightToken = await login(base, light.email);
  await dataSource.query('VACUUM ANALYZE');
  return { token, username: user.username, lightToken, lightUserId: light.id };
}
