import { IsOptional, IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/** `POST /api/auth/login` (spec auth.md §4.2): a missing email is treated as `""`. */
export class LoginDto {
  @IsOptional()
  @IsString()
  @NotStored()
  email?: string;

  @IsOptional()
  @IsString()
  @NotStored()
  password?: string;
}
