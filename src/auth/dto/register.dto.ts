import { IsDefined, IsOptional, IsString } from 'class-validator';

/** `POST /api/auth/register` (spec auth.md §4.1); `accepted_policy` is checked by the service. */
export class RegisterDto {
  @IsDefined()
  @IsString()
  username!: string;

  @IsDefined()
  @IsString()
  email!: string;

  @IsDefined()
  @IsString()
  password!: string;

  /** Must be exactly JSON `true`; anything else has its own message. */
  @IsDefined()
  accepted_policy!: unknown;

  /** Normalised to one of the supported languages, `en` otherwise. */
  @IsOptional()
  language?: unknown;
}
