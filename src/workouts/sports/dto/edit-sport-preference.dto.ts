import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';

/**
 * `POST /api/auth/profile/edit/sports` (as in FitTrackee). The reference only needs some key
 * besides `sport_id`; here it must be one of the three settings (unknown keys are dropped).
 * Wrong types, which the reference stores or crashes on, are `invalid payload`.
 */
export class EditSportPreferenceDto {
  @IsInt()
  @Min(-2147483648)
  @Max(2147483647)
  sport_id!: number;

  @IsOptional()
  @IsString()
  @FitsColumn(UserSportPreference, 'color')
  color?: string | null;

  @IsOptional()
  @IsBoolean()
  is_active?: boolean | null;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  stopped_speed_threshold?: number | null;
}
