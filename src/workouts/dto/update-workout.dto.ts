import { Allow, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { MAX_DURATION_SECONDS } from 'src/workouts/dto/create-manual-workout.dto';
import { Workout } from 'src/workouts/workout.entity';

/**
 * `PATCH /api/workouts/<id>` (FitTrackee `PATCH /api/workouts/<workout_id>`): every key optional;
 * falsy values are ignored like the reference; `ascent`/`descent` count by presence (null clears them).
 */
export class UpdateWorkoutDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2147483647)
  sport_id?: number | null;

  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'title')
  title?: string | null;

  @IsOptional()
  @IsString()
  @FitsColumn(Workout, 'notes')
  notes?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  workout_date?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION_SECONDS)
  duration?: number | null;

  /** Kilometres, up to 9999999.999 (a larger value is a 400 naming `distance`). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  distance?: number | null;

  @Allow()
  ascent?: unknown;

  @Allow()
  descent?: unknown;
}
