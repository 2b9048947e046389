import { assertFitsColumn } from 'src/common/validation/column-length';
import { parseDay } from 'src/workouts/date-input';
import {
  badQueryParameter,
  param,
  parseFloatParam,
  parseHoursMinutes,
  parseInteger,
} from 'src/workouts/query-params';
import { formatNaive, localToUtc } from 'src/workouts/user-time';
import { Workout } from 'src/workouts/workout.entity';

export const DEFAULT_PER_PAGE = 5;
export const MAX_PER_PAGE = 100;

const ORDER_COLUMNS = {
  workout_date: 'workout_date',
  distance: 'distance',
  ave_speed: 'ave_speed',
  // Sorting "by duration" uses moving time (FitTrackee `GET /api/workouts`).
  duration: 'moving',
} as const;

export interface Range {
  from?: number;
  to?: number;
}

/** Parsed `GET /api/workouts` parameters (as in FitTrackee). */
export interface WorkoutFilters {
  page: number;
  perPage: number;
  sportId?: number;
  title?: string;
  /** Naive UTC bounds: `workout_date >= from`, `workout_date < toExclusive`. */
  from?: string;
  toExclusive?: string;
  /**
   * The `from`/`to` days as naive UTC midnights, as the previous/next lookups use them (FitTrackee
   * `GET /api/workouts/<workout_id>`).
   */
  fromMidnight?: string;
  toMidnight?: string;
  distance: Range;
  /** Seconds. */
  duration: Range;
  aveSpeed: Range;
  maxSpeed: Range;
  isAscending: boolean;
  orderColumn: (typeof ORDER_COLUMNS)[keyof typeof ORDER_COLUMNS];
}

function range(
  query: Record<string, unknown>,
  name: string,
  parse: (text: string) => number,
): Range {
  const from = param(query, `${name}_from`);
  const to = param(query, `${name}_to`);
  const result: Range = {};
  if (from !== undefined) result.from = parse(from);
  if (to !== undefined) result.to = parse(to);
  return result;
}

function day(text: string): { year: number; month: number; day: number } {
  const parsed = parseDay(text);
  if (parsed === undefined) throw badQueryParameter();
  return parsed;
}

export function parseWorkoutFilters(
  query: Record<string, unknown>,
  timeZone: string | null,
): WorkoutFilters {
  const page = parseInteger(param(query, 'page') ?? '1');
  const perPage = parseInteger(param(query, 'per_page') ?? String(DEFAULT_PER_PAGE));
  const orderBy = param(query, 'order_by') ?? 'workout_date';
  if (!Object.hasOwn(ORDER_COLUMNS, orderBy)) throw badQueryParameter();
  const filters: WorkoutFilters = {
    page: Math.max(page, 1),
    // Flask-SQLAlchemy: values below 1 become 20; the endpoint caps at 100
    // (docs/compatibility.md#pagination).
    perPage: perPage < 1 ? 20 : Math.min(perPage, MAX_PER_PAGE),
    distance: range(query, 'distance', parseFloatParam),
    duration: range(query, 'duration', parseHoursMinutes),
    aveSpeed: range(query, 'ave_speed', parseFloatParam),
    maxSpeed: range(query, 'max_speed', parseFloatParam),
    isAscending: param(query, 'order') === 'asc',
    orderColumn: ORDER_COLUMNS[orderBy as keyof typeof ORDER_COLUMNS],
  };
  const sportId = param(query, 'sport_id');
  if (sportId !== undefined) filters.sportId = parseInteger(sportId);
  const title = param(query, 'title');
  if (title !== undefined) {
    // Longer than the column, it cannot match: say so rather than search.
    assertFitsColumn(title, Workout, 'title', 'title');
    filters.title = title;
  }
  const from = param(query, 'from');
  if (from !== undefined) {
    const start = day(from);
    filters.from = formatNaive(localToUtc({ ...start, hour: 0, minute: 0, second: 0 }, timeZone));
    filters.fromMidnight = formatNaive(
      localToUtc({ ...start, hour: 0, minute: 0, second: 0 }, null),
    );
  }
  const to = param(query, 'to');
  if (to !== undefined) {
    const end = day(to);
    const last = localToUtc({ ...end, hour: 23, minute: 59, second: 59 }, timeZone);
    filters.toExclusive = formatNaive(new Date(last.getTime() + 1000));
    filters.toMidnight = formatNaive(localToUtc({ ...end, hour: 0, minute: 0, second: 0 }, null));
  }
  return filters;
}
