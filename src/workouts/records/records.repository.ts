import { Injectable } from '@nestjs/common';
import { type CallerRead, callerReadToken } from 'src/database/caller-read';
import type { RecordResponseDto } from 'src/workouts/records/dto/record-response.dto';
import { PACKED_RECORDS_AGGREGATE, RENDERED_RECORDS } from 'src/workouts/records/packed-records';
import type { EntityManager } from 'typeorm';

/** Integer value of each record type, exact on the stored decimals. */
const SOURCES = [
  ['AS', 'ave_speed', '(w.ave_speed * 100)::bigint'],
  ['FD', 'distance', '(w.distance * 1000)::bigint'],
  ['HA', 'ascent', '(w.ascent * 1000)::bigint'],
  // Total seconds: the reference parses "H:MM:SS" and fails from 24 hours.
  ['LD', 'moving', 'floor(extract(epoch FROM w.moving))::bigint'],
  ['MS', 'max_speed', '(w.max_speed * 100)::bigint'],
] as const;

/** Best workout per type: highest value, ties → earliest workout_date. */
const BEST = SOURCES.map(
  ([type, column, value]) => `(
    SELECT '${type}'::varchar AS record_type, w.id AS workout_id, w.uuid AS workout_uuid,
           w.workout_date, ${value} AS value
    FROM workouts w
    WHERE w.user_id = $1 AND w.sport_id = $2 AND w.${column} IS NOT NULL
    ORDER BY w.${column} DESC, w.workout_date ASC, w.id ASC
    LIMIT 1)`,
).join(' UNION ALL ');

/**
 * One statement per (user, sport): upsert the record of every type whose best value is
 * truthy, delete the others, so zero values never hold a record. Record ids survive updates.
 */
const RECOMPUTE = `
  WITH best AS (SELECT * FROM (${BEST}) AS candidates WHERE value <> 0),
  upserted AS (
    INSERT INTO records (user_id, sport_id, workout_id, workout_uuid, record_type, workout_date, value)
    SELECT $1, $2, workout_id, workout_uuid, record_type, workout_date, value FROM best
    ON CONFLICT ON CONSTRAINT user_sports_records DO UPDATE
      SET workout_id = EXCLUDED.workout_id, workout_uuid = EXCLUDED.workout_uuid,
          workout_date = EXCLUDED.workout_date, value = EXCLUDED.value
    RETURNING id)
  DELETE FROM records r
  WHERE r.user_id = $1 AND r.sport_id = $2
    AND r.record_type NOT IN (SELECT record_type FROM best)`;

/**
 * The records held by workout `w`, as `PackedRecords`. A record always belongs to its
 * workout's owner (`recompute` elects among one user's workouts), so the owner's name is the
 * record's user.
 */
export const HELD_RECORDS_PACKED = `(
  SELECT ${PACKED_RECORDS_AGGREGATE} FROM records r WHERE r.workout_id = w.id)`;

/**
 * The records of the caller `user` (FitTrackee `GET /api/records`), joined to the
 * authentication query and rendered as the route answers them.
 */
export const RECORDS_JOINED: CallerRead<readonly RecordResponseDto[]> = {
  joins: (user) => `
    CROSS JOIN LATERAL (
      SELECT ${PACKED_RECORDS_AGGREGATE} AS records, ${user}."username" AS holder
      FROM records r WHERE r.user_id = ${user}."id") AS pk_caller_records`,
  columns: `pk_caller_records.records AS pk_caller_records,
    pk_caller_records.holder AS pk_caller_records_holder`,
  read: (row) =>
    // The columns are the packed records and their holder's name (text, never null).
    RENDERED_RECORDS.get(
      row['pk_caller_records'] as string,
      row['pk_caller_records_holder'] as string,
    ),
};

/** `GET /api/records` reads the records with the token (RECORDS_JOINED). */
export const RECORDS_READ = callerReadToken<readonly RecordResponseDto[]>('records');

@Injectable()
export class RecordsRepository {
  async recompute(manager: EntityManager, userId: number, sportId: number): Promise<void> {
    await manager.query(RECOMPUTE, [userId, sportId]);
  }

  /** Sports whose records point at a workout (recomputed when it changes). */
  async sportsHeldBy(manager: EntityManager, workoutId: number): Promise<number[]> {
    const rows: { sport_id: number }[] = await manager.query(
      `SELECT DISTINCT sport_id FROM records WHERE workout_id = $1`,
      [workoutId],
    );
    return rows.map((row) => row.sport_id);
  }
}
