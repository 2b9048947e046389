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

/** The filters of FitTrackee `GET /api/workouts`; the service parses them as FitTrackee does. */
export const ApiWorkoutFilters = (): MethodDecorator =>
  applyDecorators(
    queryDocs({
      page: ['integer', 'Page number, from 1.'],
      per_page: ['integer', 'Workouts per page (at most 100).'],
      sport_id: ['integer', 'Only this sport.'],
      from: ['string', 'First day, `YYYY-MM-DD` in the user’s time zone.'],
      to: ['string', 'Last day, `YYYY-MM-DD` in the user’s time zone.'],
      distance_from: ['number', 'Minimum distance (km).'],
      distance_to: ['number', 'Maximum distance (km).'],
      duration_from: ['string', 'Minimum moving time, `H:MM`.'],
      duration_to: ['string', 'Maximum moving time, `H:MM`.'],
      ave_speed_from: ['number', `Minimum average speed (${SPEED}).`],
      ave_speed_to: ['number', `Maximum average speed (${SPEED}).`],
      max_speed_from: ['number', `Minimum maximum speed (${SPEED}).`],
      max_speed_to: ['number', `Maximum maximum speed (${SPEED}).`],
      order: ['string', '`asc` or `desc` (default).'],
      order_by: ['string', '`workout_date` (default), `distance`, `ave_speed` or `duration`.'],
    }),
    ApiQuery({
      name: 'title',
      required: false,
      description: 'Part of the title, case-insensitive.',
      schema: { type: 'string', maxLength: columnLength(Workout, 'title') },
    }),
  );
