import { Allow, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { Workout } from 'src/workouts/workout.entity';

/** Longest accepted manual duration: a year (the reference accepts any, we refuse absurd values). */
export const MAX_DURATION_SECONDS = 366 * 86400;

/**
 * `POST /api/workouts/no_gpx` (as in FitTrackee). Falsy required values (0, "", null) are
 * `invalid payload` as in the reference; wrong types and out-of-range values too (the
 * reference stores them or fails with 500).
 */
export class CreateManualWorkoutDto {
  @IsInt()
  @Min(1)
  @Max(2147483647)
  sport_id!: number;

  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_SECONDS)
  duration!: number;

  /** Kilometres, up to 9999999.999 (a larger value is a 400 naming `distance`). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE)
  distance!: number;

  @IsString()
  @MaxLength(50)
  workout_date!: string;

  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'title')
  title?: string | null;

  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'notes')
  notes?: string | null;

  /** Number or numeric string, checked with `descent` (see elevation.ts). */
  @Allow()
  ascent?: unknown;

  @Allow()
  descent?: unknown;
}
