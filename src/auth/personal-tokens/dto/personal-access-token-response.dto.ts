import { ApiProperty } from '@nestjs/swagger';

/** One personal access token as listed (docs/oauth2.md#personal-access-tokens); never its secret. */
export class PersonalAccessTokenResponseDto {
  /** The id used by `DELETE /api/auth/tokens/{id}`. */
  @ApiProperty({ type: 'integer', example: 7 })
  id!: number;

  /** The name the user gave it. */
  name!: string;

  /** Space-separated scopes it carries, in the order of the scope vocabulary. */
  scope!: string;

  /** RFC 1123 date: `Thu, 03 Dec 2026 16:20:00 GMT`. */
  created_at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'RFC 1123 date of the last request made with it (to the minute); null if never.',
  })
  last_used_at!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'RFC 1123 date after which it is refused; null if it never expires.',
  })
  expires_at!: string | null;

  /**
   * The secret, `pk_pat_…` (45 characters), to send as `Authorization: Bearer …`: only in the
   * answer to the creation request; it cannot be read again.
   */
  access_token?: string;
}

/** `data` of the answer to `POST /api/auth/tokens`. */
export class PersonalAccessTokenDataDto {
  @ApiProperty({ type: () => PersonalAccessTokenResponseDto })
  token!: PersonalAccessTokenResponseDto;
}

/** `data` of `GET /api/auth/tokens`: every token of the user, newest first. */
export class PersonalAccessTokenListDataDto {
  @ApiProperty({ type: () => [PersonalAccessTokenResponseDto] })
  tokens!: PersonalAccessTokenResponseDto[];
}
