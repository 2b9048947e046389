import { IsOptional, IsString } from 'class-validator';
import { BoundedByService, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';
import { EMAIL_MAX_LENGTH } from 'src/users/user-rules';

/**
 * `PATCH /api/auth/profile/edit/account` (as in FitTrackee); missing `email` / `password`
 * have their own messages, given by the service in FitTrackee's order.
 */
export class EditAccountDto {
  @IsOptional()
  @IsString()
  @BoundedByService(User, 'email', EMAIL_MAX_LENGTH)
  email?: string | null;

  /** The current password. */
  @IsOptional()
  @IsString()
  @NotStored()
  password?: string | null;

  @IsOptional()
  @IsString()
  @NotStored()
  new_password?: string | null;
}
