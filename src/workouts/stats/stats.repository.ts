import { Injectable } from '@nestjs/common';
import { SqlParams } from 'src/workouts/sql-params';
import type { EntityManager } from 'typeorm';

/** Period keys from the UTC workout date (spec workouts.md §9.1 ⚠: not the user's local date). */
export const PERIOD_KEYS = {
  year: `to_char(w.workout_date, 'YYYY')`,
  month: `to_char(w.workout_date, 'YYYY-MM')`,
  // Sunday-based: extract(dow) is 0 on Sunday, like the reference's isoweekday() % 7.
  week: `to_char(w.workout_date::date - extract(dow FROM w.workout_date)::int, 'YYYY-MM-DD')`,
  weekm: `to_char(w.workout_date::date - (extract(isodow FROM w.workout_date)::int - 1), 'YYYY-MM-DD')`,
} as const;

export type Period = keyof typeof PERIOD_KEYS;

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

/** Ordered like the reference's loop: float sums and the running average follow workout_date. */
const ORDER = 'ORDER BY w.workout_date, w.id';

/**
 * Aggregates in SQL, one row per (period, sport): the cost stays flat as workouts grow.
 * Sums are double precision in date order, as the reference adds Python floats; ascent and
 * descent skip zero and null; durations are whole seconds of `moving`.
 */
@Injectable()
export class StatsRepository {
  aggregate(
    manager: EntityManager,
    userId: number,
    filters: StatsFilters,
    period: Period | null,
  ): Promise<StatsRow[]> {
    const params = new SqlParams();
    const where = this.where(params, userId, filters);
    const key = period === null ? 'NULL::text' : PERIOD_KEYS[period];
    return manager.query(
      `SELECT ${key} AS period, w.sport_id,
         count(*)::int AS nb_workouts,
         pk_stats_average_speed(w.ave_speed ${ORDER})::text AS average_speed,
         coalesce(sum(w.distance::float8 ${ORDER}), 0) AS total_distance,
         coalesce(sum(floor(extract(epoch FROM w.moving))), 0)::bigint::text AS total_duration,
         coalesce(sum(w.ascent::float8 ${ORDER}) FILTER (WHERE w.ascent <> 0), 0) AS total_ascent,
         coalesce(sum(w.descent::float8 ${ORDER}) FILTER (WHERE w.descent <> 0), 0) AS total_descent
       FROM workouts w WHERE ${where}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params.values,
    );
  }

  /**
   * The same rows as `aggregate` without a date range, read from the `workout_stats` buckets
   * the triggers on `workouts` keep current (migration WorkoutStatsBuckets).
   */
  bucketed(
    manager: EntityManager,
    userId: number,
    sportId: number | undefined,
    period: Period,
  ): Promise<StatsRow[]> {
    const params = new SqlParams();
    const conditions = [
      `s.user_id = ${params.add(userId)}`,
      `s.period_kind = ${params.add(period)}`,
    ];
    if (sportId !== undefined) conditions.push(`s.sport_id = ${params.add(sportId)}`);
    return manager.query(
      `SELECT s.period::text AS period, s.sport_id, s.nb_workouts,
         s.average_speed::text AS average_speed, s.total_distance,
         s.total_duration::text AS total_duration, s.total_ascent, s.total_descent
       FROM workout_stats s WHERE ${conditions.join(' AND ')}
       ORDER BY 1, 2`,
      params.values,
    );
  }

  async hasWorkouts(
    manager: EntityManager,
    userId: number,
    filters: StatsFilters,
  ): Promise<boolean> {
    const params = new SqlParams();
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM workouts w WHERE ${this.where(params, userId, filters)} LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }

  async instanceCounts(
    manager: EntityManager,
  ): Promise<{ workouts: number; users: number; sports: number }> {
    const rows: { workouts: number; users: number; sports: number }[] = await manager.query(
      `SELECT (SELECT count(*) FROM workouts)::int AS workouts,
              (SELECT count(*) FROM users)::int AS users,
              (SELECT count(DISTINCT sport_id) FROM workouts)::int AS sports`,
    );
    return rows[0] ?? { workouts: 0, users: 0, sports: 0 };
  }

  private where(params: SqlParams, userId: number, filters: StatsFilters): string {
    const conditions = [`w.user_id = ${params.add(userId)}`];
    if (filters.from !== undefined)
      conditions.push(`w.workout_date >= ${params.add(filters.from)}::timestamp`);
    if (filters.toExclusive !== undefined)
      conditions.push(`w.workout_date < ${params.add(filters.toExclusive)}::timestamp`);
    if (filters.sportId !== undefined)
      conditions.push(`w.sport_id = ${params.add(filters.sportId)}`);
    return conditions.join(' AND ');
  }
}
