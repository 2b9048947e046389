import { IsOptional, IsString } from 'class-validator';

/**
 * `PATCH /api/auth/profile/edit/account` (spec auth.md §4.6); missing `email` / `password`
 * have their own messages, given by the service in the spec's order.
 */
export class EditAccountDto {
  @IsOptional()
  @IsString()
  email?: string | null;

  /** The current password. */
  @IsOptional()
  @IsString()
  password?: string | null;

  @IsOptional()
  @IsString()
  new_password?: string | null;
}
