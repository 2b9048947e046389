import { IsNotEmpty, IsString } from 'class-validator';

/** `{token}` of account confirmation and email update (spec auth.md §4.14–4.15). */
export class TokenDto {
  @IsString()
  @IsNotEmpty()
  token!: string;
}
