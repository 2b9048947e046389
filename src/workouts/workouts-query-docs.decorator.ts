import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { columnLength } from 'src/common/validation/column-length';
import { INT4_MAX } from 'src/common/validation/int4';
import { Workout } from 'src/workouts/workout.entity';

export type QueryDocs = Record<
  string,
  readonly [type: 'integer' | 'number' | 'string', description: string]
>;

/** Optional query parameters, documented by name, type and meaning. */
export function queryDocs(params: QueryDocs): MethodDecorator {
  return applyDecorators(
    ...Object.entries(params).map(([name, [type, description]]) =>
      ApiQuery({
        name,
        required: false,
        description,
        schema: type === 'integer' ? { type, maximum: INT4_MAX } : { type },
      }),
    ),
  );
}

const SPEED = 'km/h';
const ORDER_BY = ['workout_date', 'distance', 'ave_speed', 'duration'] as const;

/** An optional filter: its schema (type, format, enum, default) and what it does. */
const filter = (name: string, schema: object, description: string): MethodDecorator =>
  ApiQuery({ name, required: false, description, schema });

const int4 = (extra: object = {}): object => ({ type: 'integer', maximum: INT4_MAX, ...extra });
const day = { type: 'string', format: 'date', example: '2026-05-01' };
const hoursMinutes = { type: 'string', example: '1:30' };
const number = (example: number): object => ({ type: 'number', format: 'double', example });

/**
 * The filters of FitTrackee `GET /api/workouts`; the service parses them as FitTrackee does.
 * Empty values are ignored; a value that does not parse is a 400 (FitTrackee answers 500).
 */
export const ApiWorkoutFilters = (): MethodDecorator =>
  applyDecorators(
    filter('page', int4({ default: 1 }), 'Page number; values below 1 count as 1.'),
    filter(
      'per_page',
      int4({ default: 5 }),
      'Workouts per page: at most 100 (a larger value counts as 100), a value below 1 counts as 20.',
    ),
    filter('sport_id', int4(), 'Only the workouts of this sport.'),
    filter(
      'title',
      { type: 'string', maxLength: columnLength(Workout, 'title') },
      'Only the workouts whose title contains this text, case-insensitive.',
    ),
    filter('from', day, 'First day (`YYYY-MM-DD`), from midnight in the user’s time zone.'),
    filter('to', day, 'Last day (`YYYY-MM-DD`), until 23:59:59 in the user’s time zone.'),
    filter('distance_from', number(5), 'Minimum distance, in km.'),
    filter('distance_to', number(42.2), 'Maximum distance, in km.'),
    filter('duration_from', hoursMinutes, 'Minimum moving time, `H:MM` (hours:minutes).'),
    filter('duration_to', hoursMinutes, 'Maximum moving time, `H:MM` (hours:minutes).'),
    filter('ave_speed_from', number(10), `Minimum average speed, in ${SPEED}.`),
    filter('ave_speed_to', number(30), `Maximum average speed, in ${SPEED}.`),
    filter('max_speed_from', number(20), `Minimum maximum speed, in ${SPEED}.`),
    filter('max_speed_to', number(60), `Maximum maximum speed, in ${SPEED}.`),
    filter(
      'order',
      { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
      'Sort direction: `asc` ascending; any other value descending.',
    ),
    filter(
      'order_by',
      { type: 'string', enum: ORDER_BY, default: 'workout_date' },
      'Sort key; `duration` sorts by moving time. Another value is a 400.',
    ),
  );
