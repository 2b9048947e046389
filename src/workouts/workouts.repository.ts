import { Injectable } from '@nestjs/common';
import {
  PreparedQueries,
  type Statement,
  statement,
  StatementCache,
} from 'src/database/prepared-queries';
import type { WorkoutFilters } from 'src/workouts/list-workouts.query';
import { SqlParams } from 'src/workouts/sql-params';
import { WORKOUT_COLUMNS, type WorkoutRow } from 'src/workouts/workout-rows';
import type { EntityManager } from 'typeorm';

/** Seconds parameter as an interval. */
const INTERVAL = `float8 * interval '1 second'`;

function rangeConditions(
  params: SqlParams,
  column: string,
  range: { from?: number; to?: number },
  cast: string,
): string[] {
  const conditions: string[] = [];
  if (range.from !== undefined) conditions.push(`${column} >= ${params.add(range.from)}::${cast}`);
  if (range.to !== undefined) conditions.push(`${column} <= ${params.add(range.to)}::${cast}`);
  return conditions;
}

/** The list filter itself (FitTrackee `GET /api/workouts`). */
function listConditions(params: SqlParams, userId: number, filters: WorkoutFilters): string[] {
  const conditions = [`w.user_id = ${params.addUnplanned(userId, 'int')}`];
  if (filters.sportId !== undefined) conditions.push(`w.sport_id = ${params.add(filters.sportId)}`);
  if (filters.title !== undefined)
    conditions.push(`w.title ILIKE '%' || ${params.add(filters.title)} || '%'`);
  if (filters.from !== undefined)
    conditions.push(`w.workout_date >= ${params.add(filters.from)}::timestamp`);
  if (filters.toExclusive !== undefined)
    conditions.push(`w.workout_date < ${params.add(filters.toExclusive)}::timestamp`);
  conditions.push(...rangeConditions(params, 'w.distance', filters.distance, 'numeric'));
  conditions.push(...rangeConditions(params, 'w.moving', filters.duration, INTERVAL));
  conditions.push(...rangeConditions(params, 'w.ave_speed', filters.aveSpeed, 'numeric'));
  conditions.push(...rangeConditions(params, 'w.max_speed', filters.maxSpeed, 'numeric'));
  return conditions;
}

/** Only the sport (or nothing) narrows the list: its total is a sum of yearly buckets. */
function isSportFilterOnly(filters: WorkoutFilters): boolean {
  const ranges = [filters.distance, filters.duration, filters.aveSpeed, filters.maxSpeed];
  return (
    filters.title === undefined &&
    filters.from === undefined &&
    filters.toExclusive === undefined &&
    ranges.every((range) => range.from === undefined && range.to === undefined)
  );
}

/**
 * Number of workouts the list filter matches. Unfiltered (but for the sport), the per-sport
 * totals already hold it, kept in step with every write by the triggers on `workouts`
 * (migration UserSportTotals): a row per sport instead of a scan of the user's list.
 */
function totalQuery(params: SqlParams, userId: number, filters: WorkoutFilters): string {
  if (isSportFilterOnly(filters)) {
    const sport =
      filters.sportId === undefined ? '' : ` AND s.sport_id = ${params.add(filters.sportId)}`;
    return `SELECT coalesce(sum(s.nb_workouts), 0)::int AS total FROM user_sport_totals s
      WHERE s.user_id = ${params.addUnplanned(userId, 'int')}${sport}`;
  }
  const where = listConditions(params, userId, filters).join(' AND ');
  return `SELECT count(*)::int AS total FROM workouts w WHERE ${where}`;
}

/**
 * Constraints of the previous/next lookups when serializing the list (FitTrackee
 * `GET /api/workouts/<workout_id>` ⚠): duration on `duration`, max speed only for previous, naive midnights for from/to, no title.
 */
function neighbourConditions(
  params: SqlParams,
  filters: WorkoutFilters | undefined,
  isPrevious: boolean,
): string {
  if (filters === undefined) return '';
  const conditions: string[] = [];
  if (filters.sportId !== undefined) conditions.push(`o.sport_id = ${params.add(filters.sportId)}`);
  if (filters.fromMidnight !== undefined)
    conditions.push(`o.workout_date >= ${params.add(filters.fromMidnight)}::timestamp`);
  if (filters.toMidnight !== undefined)
    conditions.push(`o.workout_date <= ${params.add(filters.toMidnight)}::timestamp`);
  conditions.push(...rangeConditions(params, 'o.distance', filters.distance, 'numeric'));
  conditions.push(...rangeConditions(params, 'o.duration', filters.duration, INTERVAL));
  conditions.push(...rangeConditions(params, 'o.ave_speed', filters.aveSpeed, 'numeric'));
  if (isPrevious)
    conditions.push(...rangeConditions(params, 'o.max_speed', filters.maxSpeed, 'numeric'));
  return conditions.map((condition) => ` AND ${condition}`).join('');
}

function selectWithNeighbours(
  params: SqlParams,
  filters: WorkoutFilters | undefined,
  extraColumn?: string,
): string {
  const neighbour = (isPrevious: boolean): string => `
    SELECT o.uuid::text FROM workouts o
    WHERE o.user_id = w.user_id AND o.id <> w.id
      AND o.workout_date ${isPrevious ? '<=' : '>='} w.workout_date
      ${neighbourConditions(params, filters, isPrevious)}
    ORDER BY o.workout_date ${isPrevious ? 'DESC' : 'ASC'}, o.id ${isPrevious ? 'DESC' : 'ASC'}
    LIMIT 1`;
  return `SELECT ${WORKOUT_COLUMNS},
      (${neighbour(true)}) AS previous_uuid,
      (${neighbour(false)}) AS next_uuid${extraColumn === undefined ? '' : `, ${extraColumn}`}
    FROM workouts w JOIN users u ON u.id = w.user_id`;
}

/** The owner's workout ids by uuid, for the ownership checks before a write. */
const ID_BY_UUID = statement(`SELECT id, user_id, sport_id, gpx FROM workouts WHERE uuid = $1`);

/** One workout with previous/next among all of its owner's workouts. */
const ROW_BY_ID = statement(`${selectWithNeighbours(new SqlParams(), undefined)} WHERE w.id = $1`);
const ROW_BY_UUID = statement(
  `${selectWithNeighbours(new SqlParams(), undefined)} WHERE w.uuid = $1`,
);

/**
 * Read queries of the workouts module, as named prepared statements (src/database/prepared-queries.ts);
 * writes live in WorkoutsWriter. Inside a transaction, its manager runs them.
 */
@Injectable()
export class WorkoutsRepository {
  /** List and count texts, one per filter shape: the values are always parameters. */
  private readonly byShape = new StatementCache();

  constructor(private readonly queries: PreparedQueries) {}

  async findIdByUuid(
    manager: EntityManager,
    uuid: string,
  ): Promise<{ id: number; user_id: number; sport_id: number; gpx: string | null } | undefined> {
    const rows = await this.queries.rows<{
      id: number;
      user_id: number;
      sport_id: number;
      gpx: string | null;
    }>(ID_BY_UUID, [uuid], manager);
    return rows[0];
  }

  async getRow(manager: EntityManager, id: number): Promise<WorkoutRow | undefined> {
    const rows = await this.queries.rows<WorkoutRow>(ROW_BY_ID, [id], manager);
    return rows[0];
  }

  /** The workout of that uuid, whoever owns it: the caller checks `user_id`. */
  async getRowByUuid(manager: EntityManager, uuid: string): Promise<WorkoutRow | undefined> {
    const rows = await this.queries.rows<WorkoutRow>(ROW_BY_UUID, [uuid], manager);
    return rows[0];
  }

  async count(manager: EntityManager, userId: number, filters: WorkoutFilters): Promise<number> {
    const params = new SqlParams();
    const text = totalQuery(params, userId, filters);
    const rows = await this.queries.rows<{ total: number }>(
      this.byShape.get(text),
      params.values,
      manager,
    );
    return rows[0]?.total ?? 0;
  }

  /**
   * One page in the requested order (the id breaks ties so pages never overlap), each row with
   * the list's total: one round trip. An empty page carries no total; `count` gives it.
   *
   * The page's ids come as an array, unnested in order: PostgreSQL estimates such an array at a
   * handful of elements whatever the page bounds, so the plan it caches for the prepared
   * statement is a few primary-key lookups; with the owner and the bounds out of the planner's
   * sight (`SqlParams.addUnplanned`), it never needs planning again.
   */
  async listPage(
    manager: EntityManager,
    userId: number,
    filters: WorkoutFilters,
  ): Promise<(WorkoutRow & { total: number })[]> {
    const params = new SqlParams();
    const where = listConditions(params, userId, filters).join(' AND ');
    const direction = filters.isAscending ? 'ASC' : 'DESC';
    const limit = params.addUnplanned(filters.perPage, 'int');
    const offset = params.addUnplanned((filters.page - 1) * filters.perPage, 'int');
    const order = `w.${filters.orderColumn} ${direction}, w.id ${direction}`;
    const total = totalQuery(params, userId, filters);
    const sql = `WITH page AS (
        SELECT p.id, p.n FROM unnest(ARRAY(
          SELECT w.id FROM workouts w WHERE ${where} ORDER BY ${order}
          LIMIT ${limit} OFFSET ${offset})) WITH ORDINALITY AS p(id, n))
      ${selectWithNeighbours(params, filters, `(${total}) AS total`)}
      JOIN page ON page.id = w.id
      ORDER BY page.n`;
    const query: Statement = this.byShape.get(sql);
    return this.queries.rows<WorkoutRow & { total: number }>(query, params.values, manager);
  }
}
