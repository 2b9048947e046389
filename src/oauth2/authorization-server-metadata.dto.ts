import { ApiProperty } from '@nestjs/swagger';
import { ALL_SCOPES } from 'src/auth/scopes';
import { TOKEN_ENDPOINT_AUTH_METHODS } from 'src/oauth2/clients/oauth2-client.entity';
import { DEVICE_CODE_GRANT_TYPE } from 'src/oauth2/grants/device-code.grant';
import { CODE_CHALLENGE_METHODS } from 'src/oauth2/tokens/pkce';

/** RFC 8414 §2 authorization server metadata, as this server fills it. */
export class AuthorizationServerMetadataDto {
  /** The UI's public URL; every endpoint below is under it. */
  issuer!: string;
  /** The consent page of the web UI, which starts the authorization code flow. */
  authorization_endpoint!: string;
  token_endpoint!: string;
  /** RFC 7009 token revocation. */
  revocation_endpoint!: string;
  /** RFC 7662 token introspection. */
  introspection_endpoint!: string;
  /** RFC 8628 §4 device authorization endpoint. */
  device_authorization_endpoint!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...ALL_SCOPES] } })
  scopes_supported!: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['code'] } })
  response_types_supported!: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['query'] } })
  response_modes_supported!: string[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'string',
      enum: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT_TYPE],
    },
  })
  grant_types_supported!: string[];
  /** `client_secret_post` for confidential clients, `none` for public ones (RFC 6749 §2.1). */
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...TOKEN_ENDPOINT_AUTH_METHODS] },
  })
  token_endpoint_auth_methods_supported!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...TOKEN_ENDPOINT_AUTH_METHODS] },
  })
  revocation_endpoint_auth_methods_supported!: string[];
  /** A client must authenticate with its secret to introspect (RFC 7662 §2.1). */
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['client_secret_post'] } })
  introspection_endpoint_auth_methods_supported!: string[];
  /** RFC 7636 PKCE methods. */
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...CODE_CHALLENGE_METHODS] } })
  code_challenge_methods_supported!: string[];
}
