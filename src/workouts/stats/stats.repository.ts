import { Injectable } from '@nestjs/common';
import type { CallerRead } from 'src/database/caller-read';
import { PreparedQueries, statement, StatementCache } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
import { type Period, periodKey, wholePeriods } from 'src/workouts/stats/period-span';
import { formatNaive } from 'src/workouts/user-time';
import type { EntityManager } from 'typeorm';

/** Period keys from the UTC workout date (as FitTrackee does: not the user's local date). */
export const PERIOD_KEYS = {
  year: `to_char(w.workout_date, 'YYYY')`,
  month: `to_char(w.workout_date, 'YYYY-MM')`,
  // Sunday-based: extract(dow) is 0 on Sunday, like the reference's isoweekday() % 7.
  week: `to_char(w.workout_date::date - extract(dow FROM w.workout_date)::int, 'YYYY-MM-DD')`,
  weekm: `to_char(w.workout_date::date - (extract(isodow FROM w.workout_date)::int - 1), 'YYYY-MM-DD')`,
} as const satisfies Record<Period, string>;

export type { Period };

export interface StatsFilters {
  from?: string;
  toExclusive?: string;
  sportId?: number;
}

export interface StatsRow {
  period: string | null;
  sport_id: number;
  nb_workouts: number;
  average_speed: string;
  total_distance: number;
  total_duration: string;
  total_ascent: number;
  total_descent: number;
}

/** FitTrackee `GET /api/stats/all`: the instance's totals. */
const INSTANCE_COUNTS = statement(
  `SELECT (SELECT count(*) FROM workouts)::int AS workouts,
          (SELECT count(*) FROM users)::int AS users,
          (SELECT count(DISTINCT sport_id) FROM workouts)::int AS sports`,
);

/** What the stored buckets are read by: period, whole periods in `[first, end)`, sport. */
interface BucketFilter {
  period: Period;
  whole: { first: Date | undefined; end: Date | undefined };
  sportId: number | undefined;
}

/**
 * The stored buckets of the user whose id is the SQL `owner` (keys compare in date order in
 * "C"), unordered; `extra` conditions narrow them further.
 */
function bucketSql(
  params: SqlParams,
  owner: string,
  { period, whole, sportId }: BucketFilter,
  extra: string[] = [],
): string {
  const conditions = [
    `s.user_id = ${owner}`,
    `s.period_kind = ${params.addUnplanned(period, 'varchar')}`,
    ...extra,
  ];
  if (sportId !== undefined) conditions.push(`s.sport_id = ${params.add(sportId)}`);
  if (whole.first !== undefined)
    conditions.push(`s.period COLLATE "C" >= ${params.add(periodKey(period, whole.first))}`);
  if (whole.end !== undefined)
    conditions.push(`s.period COLLATE "C" < ${params.add(periodKey(period, whole.end))}`);
  return `SELECT s.period::text AS period, s.sport_id, s.nb_workouts,
       s.average_speed::text AS average_speed, s.total_distance,
       s.total_duration::text AS total_duration, s.total_ascent, s.total_descent
     FROM workout_stats s WHERE ${conditions.join(' AND ')}`;
}

/** The columns of `StatsRow`, in the order `packedBuckets` writes them. */
const PACKED_COLUMNS = [
  'period',
  'sport_id',
  'nb_workouts',
  'average_speed',
  'total_distance',
  'total_duration',
  'total_ascent',
  'total_descent',
] as const;

/**
 * The rows of `buckets` as one text, `;` between rows and `,` between values: every value is a
 * number or a period key (`2024`, `2024-05`, `2024-05-06`) and none is null (NOT NULL columns),
 * so neither separator can occur in one. PostgreSQL writes this in a fraction of the time it
 * takes to write the same rows as JSON (each JSON number is checked after it is printed), and
 * the numbers read back as the text protocol's do.
 */
function packedBuckets(buckets: string): string {
  const values = PACKED_COLUMNS.map((column) => `b.${column}`).join(', ');
  return `SELECT string_agg(concat_ws(',', ${values}), ';' ORDER BY b.period, b.sport_id) AS rows
    FROM (${buckets}) AS b`;
}

/**
 * The rows `packedBuckets` wrote; none for null (no bucket). One cursor over the text rather
 * than a split per row and per value: half the time for a user's 90 yearly buckets.
 */
export function unpackBuckets(text: string | null): StatsRow[] {
  if (text === null) return [];
  let at = 0;
  /** The value from the cursor to the next `separator` (or the end), the cursor past it. */
  const take = (separator: ',' | ';'): string => {
    const found = text.indexOf(separator, at);
    const end = found < 0 ? text.length : found;
    const value = text.slice(at, end);
    at = end + 1;
    return value;
  };
  const rows: StatsRow[] = [];
  while (at < text.length) {
    const period = take(',');
    const sport = take(',');
    const count = take(',');
    const speed = take(',');
    const distance = take(',');
    const duration = take(',');
    const ascent = take(',');
    const descent = take(';');
    rows.push({
      period,
      sport_id: Number(sport),
      nb_workouts: Number(count),
      average_speed: speed,
      total_distance: Number(distance),
      total_duration: duration,
      total_ascent: Number(ascent),
      total_descent: Number(descent),
    });
  }
  return rows;
}

/**
 * Every bucket of `period` (of one sport, if given) of the caller `user`, when `username` is
 * the caller's, joined to the authentication query, packed (`packedBuckets`) in the order of
 * `byPeriod`'s rows. None for another name: the route then reads that user's on its own.
 */
export function ownBucketsJoined(
  username: string,
  period: Period,
  sportId: number | undefined,
): CallerRead<StatsRow[]> {
  return {
    joins(user, params) {
      const buckets = bucketSql(
        params,
        `${user}."id"`,
        { period, sportId, whole: { first: undefined, end: undefined } },
        [`${user}."username" = ${params.add(username)}`],
      );
      return `CROSS JOIN LATERAL (${packedBuckets(buckets)}) AS pk_caller_stats`;
    },
    columns: 'pk_caller_stats.rows AS pk_caller_stats',
    // The column is the text packedBuckets writes, or null.
    read: (row) => unpackBuckets(row['pk_caller_stats'] as string | null),
  };
}

/** Ordered like the reference's loop: float sums and the running average follow workout_date. */
const ORDER = 'ORDER BY w.workout_date, w.id';

/**
 * Aggregates in SQL, one row per (period, sport): the cost stays flat as workouts grow.
 * Sums are double precision in date order, as the reference adds Python floats; ascent and
 * descent skip zero and null; durations are whole seconds of `moving`.
 */
@Injectable()
export class StatsRepository {
  /** Texts built from the filter's shape and the period: the values are always parameters. */
  private readonly byShape = new StatementCache();

  constructor(private readonly queries: PreparedQueries) {}

  aggregate(
    manager: EntityManager,
    userId: number,
    filters: StatsFilters,
    period: Period | null,
  ): Promise<StatsRow[]> {
    const params = new SqlParams();
    const where = this.where(params, userId, filters);
    return this.run(manager, `${this.liveSql(where, period)} ORDER BY 1, 2`, params.values);
  }

  /**
   * The same rows as `aggregate(…, period)`, with the whole periods inside the date range read
   * from the `workout_stats` buckets the triggers on `workouts` keep current (migration
   * WorkoutStatsBuckets), and only the periods the range cuts aggregated live — over the part
   * of them inside the range, as `aggregate` does. A ten-year chart reads about ten rows.
   */
  byPeriod(
    manager: EntityManager,
    userId: number,
    filters: StatsFilters,
    period: Period,
  ): Promise<StatsRow[]> {
    const from = filters.from === undefined ? undefined : naiveUtc(filters.from);
    const to = filters.toExclusive === undefined ? undefined : naiveUtc(filters.toExclusive);
    const whole = wholePeriods(period, from, to);
    if (whole === null) return this.aggregate(manager, userId, filters, period);
    const params = new SqlParams();
    const buckets = bucketSql(params, params.addUnplanned(userId, 'int'), {
      sportId: filters.sportId,
      period,
      whole,
    });
    const edges: string[] = [];
    // The cut periods: [from, first) and [end, to), when not empty.
    if (filters.from !== undefined && whole.first !== undefined && !sameTime(whole.first, from))
      edges.push(`(w.workout_date >= ${params.add(filters.from)}::timestamp
        AND w.workout_date < ${params.add(formatNaive(whole.first))}::timestamp)`);
    if (filters.toExclusive !== undefined && whole.end !== undefined && !sameTime(whole.end, to))
      edges.push(`(w.workout_date >= ${params.add(formatNaive(whole.end))}::timestamp
        AND w.workout_date < ${params.add(filters.toExclusive)}::timestamp)`);
    if (edges.length === 0) return this.run(manager, `${buckets} ORDER BY 1, 2`, params.values);
    const where = `${this.where(params, userId, { sportId: filters.sportId })} AND (${edges.join(' OR ')})`;
    return this.run(
      manager,
      `SELECT * FROM (${this.liveSql(where, period)} UNION ALL ${buckets}) AS r ORDER BY 1, 2`,
      params.values,
    );
  }

  private run(manager: EntityManager, text: string, values: unknown[]): Promise<StatsRow[]> {
    return this.queries.rows<StatsRow>(this.byShape.get(text), values, manager);
  }

  /** One row per (period, sport) of the workouts matching `where`, unordered. */
  private liveSql(where: string, period: Period | null): string {
    const key = period === null ? 'NULL::text' : PERIOD_KEYS[period];
    return `SELECT ${key} AS period, w.sport_id,
         count(*)::int AS nb_workouts,
         pk_stats_average_speed(w.ave_speed ${ORDER})::text AS average_speed,
         coalesce(sum(w.distance::float8 ${ORDER}), 0) AS total_distance,
         coalesce(sum(floor(extract(epoch FROM w.moving))), 0)::bigint::text AS total_duration,
         coalesce(sum(w.ascent::float8 ${ORDER}) FILTER (WHERE w.ascent <> 0), 0) AS total_ascent,
         coalesce(sum(w.descent::float8 ${ORDER}) FILTER (WHERE w.descent <> 0), 0) AS total_descent
       FROM workouts w WHERE ${where}
       GROUP BY 1, 2`;
  }

  async hasWorkouts(
    manager: EntityManager,
    userId: number,
    filters: StatsFilters,
  ): Promise<boolean> {
    const params = new SqlParams();
    const text = `SELECT 1 FROM workouts w WHERE ${this.where(params, userId, filters)} LIMIT 1`;
    const rows = await this.queries.rows(this.byShape.get(text), params.values, manager);
    return rows.length > 0;
  }

  async instanceCounts(
    manager: EntityManager,
  ): Promise<{ workouts: number; users: number; sports: number }> {
    const rows = await this.queries.rows<{ workouts: number; users: number; sports: number }>(
      INSTANCE_COUNTS,
      [],
      manager,
    );
    return rows[0] ?? { workouts: 0, users: 0, sports: 0 };
  }

  private where(params: SqlParams, userId: number, filters: StatsFilters): string {
    const conditions = [`w.user_id = ${params.addUnplanned(userId, 'int')}`];
    if (filters.from !== undefined)
      conditions.push(`w.workout_date >= ${params.add(filters.from)}::timestamp`);
    if (filters.toExclusive !== undefined)
      conditions.push(`w.workout_date < ${params.add(filters.toExclusive)}::timestamp`);
    if (filters.sportId !== undefined)
      conditions.push(`w.sport_id = ${params.add(filters.sportId)}`);
    return conditions.join(' AND ');
  }
}

/** A `formatNaive` UTC timestamp (`YYYY-MM-DD HH:MM:SS`) as a Date. */
function naiveUtc(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

function sameTime(a: Date, b: Date | undefined): boolean {
  return a.getTime() === b?.getTime();
}
