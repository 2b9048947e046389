import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** Totals of one sport over one period (or over the whole range for `by_sport`). */
export class StatsBucketDto {
  /** Mean of the workouts' average speeds (km/h), rounded to 2 decimals. */
  average_speed!: number;

  @ApiProperty({ type: 'integer', example: 3 })
  nb_workouts!: number;

  /** Metres climbed. */
  total_ascent!: number;

  /** Metres descended. */
  total_descent!: number;

  /** Kilometres. */
  total_distance!: number;

  @ApiProperty({ type: 'integer', description: 'Seconds of moving time.', example: 10800 })
  total_duration!: number;
}

const BUCKETS_BY_SPORT = {
  type: 'object',
  description: 'Totals keyed by sport id (as a string); sports without workouts are left out.',
  additionalProperties: { $ref: getSchemaPath(StatsBucketDto) },
} as const;

/** FitTrackee `GET /api/stats/<username>/by_time`. */
export class StatsByTimeResponseDto {
  @ApiProperty({
    type: 'object',
    description:
      'Totals keyed by period, then by sport id. A period is `YYYY` (year), `YYYY-MM` (month) ' +
      'or the `YYYY-MM-DD` of the first day of the week (Sunday for `week`, Monday for ' +
      '`weekm`); periods without workouts are left out.',
    additionalProperties: BUCKETS_BY_SPORT,
  })
  statistics!: Record<string, Record<string, StatsBucketDto>>;
}

/** FitTrackee `GET /api/stats/<username>/by_sport`. */
export class StatsBySportResponseDto {
  @ApiProperty(BUCKETS_BY_SPORT)
  statistics!: Record<string, StatsBucketDto>;
}

/** FitTrackee `GET /api/stats/all`. */
export class InstanceStatsResponseDto {
  @ApiProperty({ type: 'integer', description: 'Sports with at least one workout.', example: 4 })
  sports!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Bytes used by the upload folder (GPX files, maps, pictures).',
    example: 2531048,
  })
  uploads_dir_size!: number;

  @ApiProperty({
    type: 'integer',
    description: 'User accounts, inactive ones included.',
    example: 12,
  })
  users!: number;

  @ApiProperty({ type: 'integer', description: 'Workouts of all users.', example: 481 })
  workouts!: number;
}
