import { Injectable } from '@nestjs/common';
import type { CallerRead } from 'src/database/caller-read';
import {
  PreparedQueries,
  type Statement,
  statement,
  StatementCache,
} from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
import type { WorkoutFilters } from 'src/workouts/list-workouts.query';
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

/** The list filter itself (FitTrackee `GET /api/workouts`); `owner` is SQL for the user's id. */
function listConditions(params: SqlParams, owner: string, filters: WorkoutFilters): string[] {
  const conditions = [`w.user_id = ${owner}`];
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
function totalQuery(params: SqlParams, owner: string, filters: WorkoutFilters): string {
  if (isSportFilterOnly(filters)) {
    const sport =
      filters.sportId === undefined ? '' : ` AND s.sport_id = ${params.add(filters.sportId)}`;
    return `SELECT coalesce(sum(s.nb_workouts), 0)::int AS total FROM user_sport_totals s
      WHERE s.user_id = ${owner}${sport}`;
  }
  const where = listConditions(params, owner, filters).join(' AND ');
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

/** Workouts `w` of `from`, serialized with their neighbours and, if given, one more column. */
function selectWithNeighbours(
  params: SqlParams,
  filters: WorkoutFilters | undefined,
  from: string,
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
    FROM ${from} JOIN users u ON u.id = w.user_id`;
}

/**
 * The workouts `w` of one page in the requested order (the id breaks ties so pages never
 * overlap), numbered `page.n`.
 *
 * The page's ids come as an array, unnested in order: PostgreSQL estimates such an array at a
 * handful of elements whatever the page bounds, so the plan it caches for the prepared
 * statement is a few primary-key lookups; with the owner and the bounds out of the planner's
 * sight (`SqlParams.addUnplanned`), it never needs planning again.
 */
function pageOf(params: SqlParams, owner: string, filters: WorkoutFilters): string {
  const where = listConditions(params, owner, filters).join(' AND ');
  const direction = filters.isAscending ? 'ASC' : 'DESC';
  const limit = params.addUnplanned(filters.perPage, 'int');
  // Both int4, their product is not: PostgreSQL takes a bigint OFFSET (an empty page far out).
  const offset = params.addUnplanned((filters.page - 1) * filters.perPage, 'bigint');
  const order = `w.${filters.orderColumn} ${direction}, w.id ${direction}`;
  return `unnest(ARRAY(
      SELECT w.id FROM workouts w WHERE ${where} ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset})) WITH ORDINALITY AS page(id, n)
    JOIN workouts w ON w.id = page.id`;
}

/** The owner's workout ids by uuid, for the ownership checks before a write. */
const ID_BY_UUID = statement(`SELECT id, user_id, sport_id, gpx FROM workouts WHERE uuid = $1`);

/** One workout with previous/next among all of its owner's workouts. */
const ROW_BY_ID = statement(
  `${selectWithNeighbours(new SqlParams(), undefined, 'workouts w')} WHERE w.id = $1`,
);

/**
 * The workout of `uuid` with its neighbours among all of its owner's workouts, joined to the
 * authentication query: one JSON `WorkoutRow` (as `pageJoined`'s rows), null when there is
 * none. Whoever owns it: the route checks `user_id`.
 */
export function workoutJoined(uuid: string): CallerRead<WorkoutRow | null> {
  return {
    joins: (_user, params) => `
      LEFT JOIN LATERAL (
        SELECT to_json(pk_row) AS workout
        FROM (${selectWithNeighbours(params, undefined, 'workouts w')}
              WHERE w.uuid = ${params.add(uuid)}) AS pk_row) AS pk_caller_workout ON true`,
    columns: 'pk_caller_workout.workout AS pk_caller_workout',
    // The column is the JSON object built above, or null.
    read: (row) => (row['pk_caller_workout'] as WorkoutRow | null) ?? null,
  };
}

/** One page of the list and the list's total. */
export interface ListedPage {
  rows: WorkoutRow[];
  total: number;
}

/**
 * The page of `filters` of the caller `user`, joined to the authentication query: the rows as
 * one JSON array of `WorkoutRow` (its columns are numbers, text and JSON already, which JSON
 * carries unchanged: `double precision` prints the same digits either way), and the total,
 * an empty page's too.
 */
export function pageJoined(filters: WorkoutFilters): CallerRead<ListedPage> {
  return {
    joins(user, params) {
      const owner = `${user}."id"`;
      const rows = selectWithNeighbours(
        params,
        filters,
        pageOf(params, owner, filters),
        'page.n AS pk_n',
      );
      return `
        CROSS JOIN LATERAL (
          SELECT coalesce(json_agg(pk_row ORDER BY pk_row.pk_n), '[]') AS rows,
                 (${totalQuery(params, owner, filters)}) AS total
          FROM (${rows}) AS pk_row) AS pk_caller_page`;
    },
    columns:
      'pk_caller_page.rows AS pk_caller_page_rows, pk_caller_page.total AS pk_caller_page_total',
    read: (row) => ({
      // The column is the JSON array built above.
      rows: row['pk_caller_page_rows'] as WorkoutRow[],
      total: Number(row['pk_caller_page_total']),
    }),
  };
}

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

  async count(manager: EntityManager, userId: number, filters: WorkoutFilters): Promise<number> {
    const params = new SqlParams();
    const text = totalQuery(params, params.addUnplanned(userId, 'int'), filters);
    const rows = await this.queries.rows<{ total: number }>(
      this.byShape.get(text),
      params.values,
      manager,
    );
    return rows[0]?.total ?? 0;
  }

  /**
   * One page, each row with the list's total: one round trip. An empty page carries no total;
   * `count` gives it.
   */
  async listPage(
    manager: EntityManager,
    userId: number,
    filters: WorkoutFilters,
  ): Promise<(WorkoutRow & { total: number })[]> {
    const params = new SqlParams();
    const owner = params.addUnplanned(userId, 'int');
    const total = totalQuery(params, owner, filters);
    const page = pageOf(params, owner, filters);
    const sql = `${selectWithNeighbours(params, filters, page, `(${total}) AS total`)}
      ORDER BY page.n`;
    const query: Statement = this.byShape.get(sql);
    return this.queries.rows<WorkoutRow & { total: number }>(query, params.values, manager);
  }
}
