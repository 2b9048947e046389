import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';

/**
 * `POST /api/auth/profile/edit/sports` (FitTrackee). The reference only needs some key
 * besides `sport_id`; here it must be one of the three settings (unknown keys are dropped).
 * Wrong types, which the reference stores or crashes on, are `invalid payload`.
 */
export class EditSportPreferenceDto {
  @ApiProperty({ type: 'integer', description: 'The sport to set.', example: 5 })
  @IsInt()
  @Min(-2147483648)
  @Max(2147483647)
  sport_id!: number;

  /** `#RRGGBB` or `#RGB`; empty or null leaves the colour unchanged. */
  @IsOptional()
  @IsString()
  @FitsColumn(UserSportPreference, 'color')
  color?: string | null;

  /** Whether the sport is offered to this user; null leaves it unchanged. */
  @IsOptional()
  @IsBoolean()
  is_active?: boolean | null;

  /** km/h under which a GPX point counts as stopped; 0 or null leaves it unchanged. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  stopped_speed_threshold?: number | null;
}
