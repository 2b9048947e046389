import { IsOptional, IsString } from 'class-validator';

/** `POST /api/auth/login` (spec auth.md §4.2): a missing email is treated as `""`. */
export class LoginDto {
  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  password?: string;
}
