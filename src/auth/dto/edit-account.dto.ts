import { IsOptional, IsString } from 'class-validator';
import { BoundedByService, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';
import { EMAIL_MAX_LENGTH } from 'src/users/user-rules';

/**
 * `PATCH /api/auth/profile/edit/account` (as in FitTrackee); missing `email` / `password`
 * have their own messages, given by the service in FitTrackee's order.
 */
export class EditAccountDto {
  /**
   * The address wanted, or the current one to keep it; missing or null is `email is missing`.
   */
  @IsOptional()
  @IsString()
  @BoundedByService(User, 'email', EMAIL_MAX_LENGTH)
  email?: string | null;

  /** The current password; missing or null is `current password is missing`. */
  @IsOptional()
  @IsString()
  @NotStored()
  password?: string | null;

  /** The new password, 8 characters at least; missing or null keeps the current one. */
  @IsOptional()
  @IsString()
  @NotStored()
  new_password?: string | null;
}
