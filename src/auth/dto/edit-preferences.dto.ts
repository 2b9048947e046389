import {
  isBoolean,
  isNullableBoolean,
  isNullableString,
  IsPresent,
  isString,
} from 'src/auth/dto/is-present.decorator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';

/**
 * `POST /api/auth/profile/edit/preferences` (as in FitTrackee): all nine keys. A null in a
 * non-nullable column is a 500 in FitTrackee; here it is `invalid payload`.
 */
export class EditPreferencesDto {
  @IsPresent(isString)
  @FitsColumn(User, 'dateFormat')
  date_format!: string;

  @IsPresent(isBoolean)
  display_ascent!: boolean;

  @IsPresent(isBoolean)
  imperial_units!: boolean;

  /** Normalised: unknown or null becomes `en`. */
  @IsPresent(isNullableString)
  @FitsColumn(User, 'language')
  language!: string | null;

  @IsPresent(isBoolean)
  start_elevation_at_zero!: boolean;

  /** Not validated, as in FitTrackee. */
  @IsPresent(isString)
  @FitsColumn(User, 'timezone')
  timezone!: string;

  @IsPresent(isNullableBoolean)
  use_dark_mode!: boolean | null;

  @IsPresent(isBoolean)
  use_raw_gpx_speed!: boolean;

  @IsPresent(isBoolean)
  weekm!: boolean;
}
