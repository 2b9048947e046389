import { IsNotEmpty, IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/**
 * `{token}` of account confirmation and email update (FitTrackee `POST /api/auth/email/update`,
 * `POST /api/auth/account/confirm`).
 */
export class TokenDto {
  /** The token of the link emailed to the user. */
  @IsString()
  @IsNotEmpty()
  @NotStored()
  token!: string;
}
