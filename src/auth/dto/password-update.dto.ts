import { IsNotEmpty, IsString } from 'class-validator';

/** `POST /api/auth/password/update` (spec auth.md §4.13). */
export class PasswordUpdateDto {
  /** The password-reset JWT from the email. */
  @IsString()
  @IsNotEmpty()
  token!: string;

  @IsString()
  password!: string;
}
