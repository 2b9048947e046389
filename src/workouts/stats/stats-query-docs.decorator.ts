import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import { INT4_MAX } from 'src/common/validation/int4';

const DAY = { type: 'string', format: 'date', example: '2025-04-01' } as const;

/** Filters shared by both statistics queries; bad values answer 400 as FitTrackee's 500 does. */
const periodFilters = (): MethodDecorator[] => [
  ApiParam({
    name: 'username',
    description:
      'Whose statistics. Any user’s with a first-party token (as in FitTrackee); an OAuth2 ' +
      'token may only read its own user’s.',
    schema: { type: 'string', example: 'sam' },
  }),
  ApiQuery({
    name: 'from',
    required: false,
    description: 'First day included, `YYYY-MM-DD`, in the target user’s time zone.',
    schema: DAY,
  }),
  ApiQuery({
    name: 'to',
    required: false,
    description: 'Last day included, `YYYY-MM-DD`, in the target user’s time zone.',
    schema: { ...DAY, example: '2025-04-30' },
  }),
  ApiQuery({
    name: 'sport_id',
    required: false,
    description: 'Only workouts of this sport.',
    schema: { type: 'integer', maximum: INT4_MAX, example: 5 },
  }),
];

/** The path and query of FitTrackee `GET /api/stats/<username>/by_time`. */
export const ApiStatsByTimeQuery = (): MethodDecorator =>
  applyDecorators(
    ...periodFilters(),
    ApiQuery({
      name: 'time',
      required: false,
      description:
        'Period of the buckets: `week` (from Sunday), `weekm` (from Monday), `month` or `year`.',
      schema: { type: 'string', enum: ['week', 'weekm', 'month', 'year'], default: 'year' },
    }),
  );

/** The path and query of FitTrackee `GET /api/stats/<username>/by_sport`. */
export const ApiStatsBySportQuery = (): MethodDecorator => applyDecorators(...periodFilters());
