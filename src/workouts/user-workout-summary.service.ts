import { Injectable } from '@nestjs/common';
import { InternalError } from 'src/common/errors/http-errors';
import { PreparedQueries, statement } from 'src/database/prepared-queries';
import type {
  UserSummaries,
  UserWorkoutSummary,
  UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';
import { toRecordResponse } from 'src/workouts/records/dto/to-record-response';
import { type RecordRow, recordRowsJson } from 'src/workouts/records/records.repository';

interface SummaryRow {
  config_rows: number;
  privacy_policy_date: Date | null;
  nb_workouts: number;
  sports_list: number[];
  total_ascent: number;
  total_distance: number;
  total_duration: number;
  records: RecordRow[];
}

/**
 * One row per requested user, in order: the configuration's privacy policy date (and how many
 * configuration rows there are, which must be one), the totals summed over the user's
 * per-sport rows (kept exact by the `workouts` triggers; the float8 casts are those of the
 * aggregate over the workouts themselves), and the records in FitTrackee `GET /api/records`
 * order (sport id, then record type) with the columns of `RecordRow`. Every part is an index
 * lookup, whatever the number of workouts.
 */
const SUMMARIES = statement(`
  SELECT c.config_rows, c.privacy_policy_date, t.nb_workouts, t.sports_list, t.total_ascent,
    t.total_distance, t.total_duration, rec.records
  FROM unnest($1::int[]) WITH ORDINALITY AS u (id, position)
  CROSS JOIN (
    SELECT count(*)::int AS config_rows, max(a.privacy_policy_date) AS privacy_policy_date
    FROM (SELECT privacy_policy_date FROM app_config LIMIT 2) AS a) AS c
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(s.nb_workouts), 0)::int AS nb_workouts,
      coalesce(array_agg(s.sport_id ORDER BY s.sport_id), '{}') AS sports_list,
      coalesce(sum(s.total_ascent), 0)::float8 AS total_ascent,
      coalesce(sum(s.total_distance), 0)::float8 AS total_distance,
      coalesce(sum(s.total_duration), 0)::float8 AS total_duration
    FROM user_sport_totals s WHERE s.user_id = u.id AND s.nb_workouts > 0) AS t
  CROSS JOIN LATERAL (
    SELECT ${recordRowsJson('n.username')} AS records
    FROM records r CROSS JOIN (SELECT username FROM users WHERE id = u.id) AS n
    WHERE r.user_id = u.id) AS rec
  ORDER BY u.position`);

function toSummary(row: SummaryRow): UserWorkoutSummary {
  return {
    nbSports: row.sports_list.length,
    nbWorkouts: row.nb_workouts,
    // The users area types records loosely; these are plain objects (FitTrackee
    // `GET /api/records`).
    records: row.records.map(
      (record) => toRecordResponse(record) as unknown as Record<string, unknown>,
    ),
    sportsList: row.sports_list,
    totalAscent: row.total_ascent,
    totalDistance: row.total_distance,
    totalDurationSeconds: row.total_duration,
  };
}

/**
 * Workout figures of the user serialization (FitTrackee `GET /api/auth/profile`): counts, distinct
 * sports, records, and sums (duration is the sum of `duration`, not `moving`), with the privacy
 * policy date, for any number of users in one round trip.
 */
@Injectable()
export class UserWorkoutSummaryService implements UserWorkoutSummaryProvider {
  constructor(private readonly queries: PreparedQueries) {}

  async summarizeMany(userIds: readonly number[]): Promise<UserSummaries> {
    const rows = await this.queries.rows<SummaryRow>(SUMMARIES, [userIds]);
    const [first] = rows;
    // FitTrackee `GET /api/config`: the configuration is a single row.
    if (first !== undefined && first.config_rows !== 1)
      throw new InternalError('error on getting configuration');
    return {
      privacyPolicyDate: first?.privacy_policy_date ?? null,
      summaries: rows.map(toSummary),
    };
  }
}
