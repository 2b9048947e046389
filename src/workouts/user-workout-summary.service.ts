import { Injectable } from '@nestjs/common';
import { InternalError } from 'src/common/errors/http-errors';
import type { CallerRead } from 'src/database/caller-read';
import { PreparedQueries, statement } from 'src/database/prepared-queries';
import type {
  OwnSummary,
  UserSummaries,
  UserWorkoutSummary,
  UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';
import {
  PACKED_RECORDS_AGGREGATE,
  type PackedRecords,
  RENDERED_RECORDS,
} from 'src/workouts/records/packed-records';

/** The summary's columns, named apart from every column of `users` they are joined to. */
interface SummaryRow {
  pk_summary_config_rows: number;
  pk_summary_privacy_policy_date: Date | null;
  pk_summary_nb_workouts: number;
  pk_summary_sports_list: number[];
  pk_summary_total_ascent: number;
  pk_summary_total_distance: number;
  pk_summary_total_duration: number;
  pk_summary_records: PackedRecords;
  pk_summary_records_holder: string;
}

/**
 * The summary of `user` (the SQL alias of a row with the user's `id`), one row per user: the configuration's
 * privacy policy date (and how many configuration rows there are, which must be one), the
 * totals summed over the user's per-sport rows (kept exact by the `workouts` triggers; the
 * float8 casts are those of the aggregate over the workouts themselves), and the records in
 * FitTrackee `GET /api/records` order (sport id, then record type) as `PackedRecords`, with
 * the name of their holder. Every part is an index lookup, whatever the number of workouts.
 */
function summaryJoins(user: string): string {
  const userId = `${user}.id`;
  return `
  CROSS JOIN (
    SELECT count(*)::int AS config_rows, max(a.privacy_policy_date) AS privacy_policy_date
    FROM (SELECT privacy_policy_date FROM app_config LIMIT 2) AS a) AS pk_summary_config
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(s.nb_workouts), 0)::int AS nb_workouts,
      coalesce(array_agg(s.sport_id ORDER BY s.sport_id), '{}') AS sports_list,
      coalesce(sum(s.total_ascent), 0)::float8 AS total_ascent,
      coalesce(sum(s.total_distance), 0)::float8 AS total_distance,
      coalesce(sum(s.total_duration), 0)::float8 AS total_duration
    FROM user_sport_totals s WHERE s.user_id = ${userId} AND s.nb_workouts > 0) AS pk_summary_totals
  CROSS JOIN LATERAL (
    SELECT ${PACKED_RECORDS_AGGREGATE} AS records,
      (SELECT username FROM users WHERE id = ${userId}) AS holder
    FROM records r WHERE r.user_id = ${userId}) AS pk_summary_records`;
}

/** The select list of `SummaryRow` over `summaryJoins`. */
const SUMMARY_COLUMNS = `
  pk_summary_config.config_rows AS pk_summary_config_rows,
  pk_summary_config.privacy_policy_date AS pk_summary_privacy_policy_date,
  pk_summary_totals.nb_workouts AS pk_summary_nb_workouts,
  pk_summary_totals.sports_list AS pk_summary_sports_list,
  pk_summary_totals.total_ascent AS pk_summary_total_ascent,
  pk_summary_totals.total_distance AS pk_summary_total_distance,
  pk_summary_totals.total_duration AS pk_summary_total_duration,
  pk_summary_records.records AS pk_summary_records,
  pk_summary_records.holder AS pk_summary_records_holder`;

/** One row per requested user, in order. */
const SUMMARIES = statement(`
  SELECT ${SUMMARY_COLUMNS}
  FROM unnest($1::int[]) WITH ORDINALITY AS u (id, position) ${summaryJoins('u')}
  ORDER BY u.position`);

/** FitTrackee `GET /api/config`: the configuration is a single row. */
function assertOneConfiguration(row: SummaryRow): void {
  if (row.pk_summary_config_rows !== 1) throw new InternalError('error on getting configuration');
}

function toSummary(row: SummaryRow): UserWorkoutSummary {
  return {
    nbSports: row.pk_summary_sports_list.length,
    nbWorkouts: row.pk_summary_nb_workouts,
    records: RENDERED_RECORDS.get(row.pk_summary_records, row.pk_summary_records_holder),
    sportsList: row.pk_summary_sports_list,
    totalAscent: row.pk_summary_total_ascent,
    totalDistance: row.pk_summary_total_distance,
    totalDurationSeconds: row.pk_summary_total_duration,
  };
}

/** The summary joined to the authentication query (OWN_SUMMARY_READ). */
export const OWN_SUMMARY_JOINED: CallerRead<OwnSummary> = {
  joins: summaryJoins,
  columns: SUMMARY_COLUMNS,
  read(row) {
    // The row was selected with SUMMARY_COLUMNS.
    const summary = row as unknown as SummaryRow;
    assertOneConfiguration(summary);
    return {
      privacyPolicyDate: summary.pk_summary_privacy_policy_date,
      summary: toSummary(summary),
    };
  },
};

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
    if (first !== undefined) assertOneConfiguration(first);
    return {
      privacyPolicyDate: first?.pk_summary_privacy_policy_date ?? null,
      summaries: rows.map(toSummary),
    };
  }
}
