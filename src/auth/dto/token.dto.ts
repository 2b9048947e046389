import { IsNotEmpty, IsString } from 'class-validator';
import { NotStored } from 'src/common/validation/string-bounds.decorators';

/** `{token}` of account confirmation and email update (spec auth.md §4.14–4.15). */
export class TokenDto {
  @IsString()
  @IsNotEmpty()
  @NotStored()
  token!: string;
}
