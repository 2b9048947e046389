import { IsString } from 'class-validator';

/** `{email}` of password reset request and resend confirmation (spec auth.md §4.12, §4.16). */
export class EmailDto {
  @IsString()
  email!: string;
}
