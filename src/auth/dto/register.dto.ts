import { IsDefined, IsOptional, IsString } from 'class-validator';
import { BoundedByService, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';
import { EMAIL_MAX_LENGTH, USERNAME_MAX_LENGTH } from 'src/users/user-rules';

/** `POST /api/auth/register` (as in FitTrackee); `accepted_policy` is checked by the service. */
export class RegisterDto {
  @IsDefined()
  @IsString()
  @BoundedByService(User, 'username', USERNAME_MAX_LENGTH)
  username!: string;

  @IsDefined()
  @IsString()
  @BoundedByService(User, 'email', EMAIL_MAX_LENGTH)
  email!: string;

  /** Hashed with bcrypt. */
  @IsDefined()
  @IsString()
  @NotStored()
  password!: string;

  /** Must be exactly JSON `true`; anything else has its own message. */
  @IsDefined()
  accepted_policy!: unknown;

  /** Normalised to one of the supported languages, `en` otherwise. */
  @IsOptional()
  language?: unknown;
}
