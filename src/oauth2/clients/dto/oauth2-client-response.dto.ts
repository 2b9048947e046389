import { ApiProperty } from '@nestjs/swagger';

/** A client as FitTrackee serializes it (`OAuth2Client.serialize()`). */
export class OAuth2ClientResponseDto {
  @ApiProperty({ type: String, nullable: true, description: 'The description, if any.' })
  client_description!: string | null;

  /** The public client id (24 alphanumerics), sent as `client_id` to the OAuth2 endpoints. */
  client_id!: string;

  /**
   * The client secret (48 alphanumerics): only in the answer to the creation request, or to
   * its retry with the same `Idempotency-Key`; it cannot be read again.
   */
  client_secret?: string;

  /** The numeric id used by `/api/oauth/apps/{id}/by_id`, DELETE and revoke. */
  @ApiProperty({ type: 'integer', example: 1 })
  id!: number;

  /** RFC 1123 date with the full English month name: `Thu, 14 July 2022 06:27:53 GMT`. */
  issued_at!: string;

  /** The application's name (`client_name` at creation). */
  name!: string;

  /** The registered redirect URIs; the first is the default. */
  redirect_uris!: string[];

  /** Space-separated scopes the client may ask for. */
  scope!: string;

  /**
   * `none` for a public client (RFC 6749 §2.1), which has no secret and must use PKCE `S256`;
   * absent for a confidential client, which authenticates with `client_secret_post`.
   */
  @ApiProperty({ enum: ['none'], required: false })
  token_endpoint_auth_method?: 'none';

  /** The application's website (`client_uri` at creation). */
  website!: string;
}
