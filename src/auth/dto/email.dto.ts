import { IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/** `{email}` of password reset request and resend confirmation (spec auth.md §4.12, §4.16). */
export class EmailDto {
  @IsString()
  @NotStored()
  email!: string;
}
