import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Allow, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { Workout } from 'src/workouts/workout.entity';

/** `ascent` / `descent`: metres, a number or a numeric string, both given or neither. */
export const ELEVATION_SCHEMA: ApiPropertyOptions = {
  // OpenAPI 3.0 has no null type: `nullable` needs a `type` beside it, hence on one branch.
  anyOf: [{ type: 'number', minimum: 0, nullable: true }, { type: 'string' }],
  example: 120,
};

/** Longest accepted manual duration: a year (the reference accepts any, we refuse absurd values). */
export const MAX_DURATION_SECONDS = 366 * 86400;

/**
 * `POST /api/workouts/no_gpx`. Falsy required values (0, "", null) are
 * `invalid payload` as in the reference; wrong types and out-of-range values too (the
 * reference stores them or fails with 500).
 */
export class CreateManualWorkoutDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 2147483647, example: 1 })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  sport_id!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_DURATION_SECONDS,
    description: 'Seconds (moving time too); at most a year.',
    example: 7200,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_SECONDS)
  duration!: number;

  /** Kilometres, up to 9999999.999 (a larger value is a 400 naming `distance`). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE)
  distance!: number;

  @ApiProperty({
    description: 'Start, `YYYY-MM-DD HH:MM` in the user’s time zone.',
    example: '2023-04-07 16:00',
  })
  @IsString()
  @MaxLength(50)
  workout_date!: string;

  /** Defaults to `<sport label> - <date>`. */
  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'title')
  title?: string | null;

  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'notes')
  notes?: string | null;

  /** Checked with `descent`: both or neither. */
  @ApiPropertyOptional(ELEVATION_SCHEMA)
  @Allow()
  ascent?: unknown;

  @ApiPropertyOptional(ELEVATION_SCHEMA)
  @Allow()
  descent?: unknown;
}
