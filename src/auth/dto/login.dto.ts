import { IsOptional, IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/** `POST /api/auth/login` (as in FitTrackee): a missing email is treated as `""`. */
export class LoginDto {
  /** Matched case-insensitively; missing is treated as `""`. */
  @IsOptional()
  @IsString()
  @NotStored()
  email?: string;

  /** The account's password. */
  @IsOptional()
  @IsString()
  @NotStored()
  password?: string;
}
