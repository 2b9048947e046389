import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { ELEVATION_SCHEMA, MAX_DURATION_SECONDS } from 'src/workouts/dto/create-manual-workout.dto';
import { Workout } from 'src/workouts/workout.entity';

/**
 * `PATCH /api/workouts/<id>`: every key optional; falsy values are
 * ignored like the reference; `ascent`/`descent` count by presence (null clears them).
 */
export class UpdateWorkoutDto {
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    maximum: 2147483647,
    description: 'Another existing sport; 0 or null leaves it unchanged.',
    example: 2,
  })
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

  /** Workouts without a file only: `YYYY-MM-DD HH:MM` in the user’s time zone. */
  @ApiPropertyOptional({ type: 'string', nullable: true, example: '2023-04-07 16:00' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  workout_date?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    maximum: MAX_DURATION_SECONDS,
    description: 'Workouts without a file only: seconds (moving time too).',
    example: 5400,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION_SECONDS)
  duration?: number | null;

  /** Workouts without a file only: kilometres, up to 9999999.999 (more is a 400 naming it). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  distance?: number | null;

  /** Workouts without a file only; with `descent`: both or neither, both null clear them. */
  @ApiPropertyOptional(ELEVATION_SCHEMA)
  @Allow()
  ascent?: unknown;

  @ApiPropertyOptional(ELEVATION_SCHEMA)
  @Allow()
  descent?: unknown;
}
