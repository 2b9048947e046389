import { ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The RFC 7662 §2.2 answer of `POST /api/oauth/introspect`: `{"active": false}` alone, or every
 * other member for an active token issued to the calling client.
 */
export class OAuth2IntrospectionResponseDto {
  /** Whether the token is usable now (known, unrevoked, unexpired, its user active). */
  active!: boolean;

  @ApiPropertyOptional({
    description: 'Space-separated scopes granted; absent when the token has none.',
    example: 'profile:read workouts:read',
  })
  scope?: string;

  @ApiPropertyOptional({ description: 'The client the token was issued to: the caller.' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'The username of the user who authorized the client.' })
  username?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Expiry, Unix seconds; absent for an access token that never expires ' +
      '(`OAUTH2_TOKEN_EXPIRES_IN=0`).',
  })
  exp?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Issue time, Unix seconds.' })
  iat?: number;

  @ApiPropertyOptional({
    enum: ['Bearer', 'refresh_token'],
    description:
      '`Bearer` for an access token (RFC 6749 §7.1); `refresh_token` for a refresh token, ' +
      'which is no access token type, so that a resource server never mistakes one for an ' +
      'access token.',
  })
  token_type?: 'Bearer' | 'refresh_token';
}
