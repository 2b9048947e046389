import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The RFC 6749 §5.1 access token response of `POST /api/oauth/token`. */
export class OAuth2TokenResponseDto {
  /** The bearer token to send in `Authorization: Bearer …` (RFC 6750 §2.1). */
  access_token!: string;

  /** Lifetime of the access token, in seconds. */
  @ApiProperty({ type: 'integer', minimum: 1, example: 864000 })
  expires_in!: number;

  /** A new refresh token at every grant; the one sent to the refresh_token grant is revoked. */
  refresh_token!: string;

  @ApiPropertyOptional({
    description:
      'Space-separated scopes granted (RFC 6749 §3.3); absent when no scope was granted.',
    example: 'profile:read workouts:read',
  })
  scope?: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';
}

/** The answer of `POST /api/oauth/authorize` (FitTrackee's shape, no envelope). */
export class OAuth2AuthorizeResponseDto {
  /**
   * Where to send the user's browser: the redirect URI with `code` and `state` in its query
   * string (RFC 6749 §4.1.2).
   */
  redirect_url!: string;
}
