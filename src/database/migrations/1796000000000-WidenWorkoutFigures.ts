import type { MigrationInterface, QueryRunner } from 'typeorm';

/** New `numeric(precision, scale)` of each figure column; see `workouts/figure-columns.ts`. */
const WIDER = [
  ['distance', 'numeric(10,3)'],
  ['min_alt', 'numeric(8,2)'],
  ['max_alt', 'numeric(8,2)'],
  ['ascent', 'numeric(11,3)'],
  ['descent', 'numeric(11,3)'],
  ['max_speed', 'numeric(10,2)'],
  ['ave_speed', 'numeric(10,2)'],
] as const;

/** FitTrackee's sizes (its workout and segment models), restored by `down` if every row fits. */
const REFERENCE = [
  ['distance', 'numeric(6,3)'],
  ['min_alt', 'numeric(6,2)'],
  ['max_alt', 'numeric(6,2)'],
  ['ascent', 'numeric(8,3)'],
  ['descent', 'numeric(8,3)'],
  ['max_speed', 'numeric(6,2)'],
  ['ave_speed', 'numeric(6,2)'],
] as const;

const alter = (table: string, types: readonly (readonly [string, string])[]): string =>
  `ALTER TABLE "${table}" ${types.map(([c, t]) => `ALTER COLUMN "${c}" TYPE ${t}`).join(', ')}`;

/**
 * Workout and segment figures of long or fast activities (a 1,300 km tour, days of moving
 * time, the speed of a GPS jump) overflowed FitTrackee's columns: the upload failed. Only the
 * precision grows, the scale stays, so PostgreSQL changes the type without rewriting the
 * tables and the API returns the same values. Records (`bigint`) and the statistics buckets
 * (`double precision`, unbounded `numeric`, `bigint`) already hold any of these values.
 */
export class WidenWorkoutFigures1796000000000 implements MigrationInterface {
  name = 'WidenWorkoutFigures1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(alter('workouts', WIDER));
    await queryRunner.query(alter('workout_segments', WIDER));
  }

  /** Fails with a numeric overflow while a stored figure needs the wider columns. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(alter('workout_segments', REFERENCE));
    await queryRunner.query(alter('workouts', REFERENCE));
  }
}
