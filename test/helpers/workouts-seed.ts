import type { DataSource } from 'typeorm';

/**
 * Inserts `count` manual workouts for a user in one SQL statement (benchmarks and pagination
 * tests): one a day from `start`, sports cycling 1..`sports`, varied distance and duration.
 */
export async function insertWorkoutsInBulk(
  dataSource: DataSource,
  userId: number,
  count: number,
  options: { start?: string; sports?: number } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO workouts (uuid, user_id, sport_id, title, workout_date, duration, moving,
       distance, ave_speed, max_speed, ascent, descent)
     SELECT gen_random_uuid(), $1, 1 + (i % $3), 'bulk ' || i,
       $4::timestamp + (i * interval '1 day') + ((i % 24) * interval '1 hour'),
       (1800 + (i % 50) * 60) * interval '1 second', (1800 + (i % 50) * 60) * interval '1 second',
       round((5 + (i % 97) * 0.5)::numeric, 3),
       round(((5 + (i % 97) * 0.5) / ((1800 + (i % 50) * 60) / 3600.0))::numeric, 2),
       round(((5 + (i % 97) * 0.5) / ((1800 + (i % 50) * 60) / 3600.0))::numeric, 2),
       (i % 300)::numeric, (i % 280)::numeric
     FROM generate_series(1, $2) AS i`,
    [userId, count, options.sports ?? 2, options.start ?? '2000-01-01 06:00:00'],
  );
}
