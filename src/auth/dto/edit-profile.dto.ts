import { isNullableString, IsPresent } from 'src/auth/dto/is-present.decorator';
import { FitsColumn } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';

const isBirthDate = (value: unknown): boolean =>
  value === null ||
  value === '' ||
  (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));

/**
 * `POST /api/auth/profile/edit` (as in FitTrackee): all five keys, values may be null. Column
 * limits and unparsable dates are 500s in FitTrackee; here they are `invalid payload`.
 */
export class EditProfileDto {
  @IsPresent(isNullableString)
  @FitsColumn(User, 'firstName')
  first_name!: string | null;

  @IsPresent(isNullableString)
  @FitsColumn(User, 'lastName')
  last_name!: string | null;

  @IsPresent(isNullableString)
  @FitsColumn(User, 'bio')
  bio!: string | null;

  @IsPresent(isNullableString)
  @FitsColumn(User, 'location')
  location!: string | null;

  /** `YYYY-MM-DD`; empty or null clears it. */
  @IsPresent(isBirthDate)
  birth_date!: string | null;
}
