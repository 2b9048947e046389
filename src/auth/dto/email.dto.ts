import { IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/**
 * `{email}` of password reset request and resend confirmation (FitTrackee
 * `POST /api/auth/password/reset-request`, `POST /api/auth/account/resend-confirmation`).
 */
export class EmailDto {
  /** The account's address, matched exactly (case-sensitive). */
  @IsString()
  @NotStored()
  email!: string;
}
