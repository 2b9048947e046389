import { IsNotEmpty, IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/** `POST /api/auth/password/update` (as in FitTrackee). */
export class PasswordUpdateDto {
  /** The password-reset JWT from the email. */
  @IsString()
  @IsNotEmpty()
  @NotStored()
  token!: string;

  /** The new password, 8 characters at least; hashed with bcrypt. */
  @IsString()
  @NotStored()
  password!: string;
}
