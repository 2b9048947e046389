import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from 'src/auth/decorators';
import { ALL_SCOPES } from 'src/auth/scopes';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import type { AppConfig } from 'src/config/configuration';
import { AuthorizationServerMetadataDto } from 'src/oauth2/authorization-server-metadata.dto';
import { TOKEN_ENDPOINT_AUTH_METHODS } from 'src/oauth2/clients/oauth2-client.entity';
import { DEVICE_CODE_GRANT_TYPE } from 'src/oauth2/grants/device-code.grant';
import { CODE_CHALLENGE_METHODS } from 'src/oauth2/tokens/pkce';

const GRANT_TYPES = ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT_TYPE];

const ISSUER_EXAMPLE = 'https://fit.example.com';

/** The metadata of the server at `issuer`, its public address (RFC 8414 §2). */
function metadataOf(issuer: string): AuthorizationServerMetadataDto {
  return {
    issuer,
    authorization_endpoint: `${issuer}/profile/apps/authorize`,
    token_endpoint: `${issuer}/api/oauth/token`,
    revocation_endpoint: `${issuer}/api/oauth/revoke`,
    introspection_endpoint: `${issuer}/api/oauth/introspect`,
    device_authorization_endpoint: `${issuer}/api/oauth/device_authorization`,
    scopes_supported: [...ALL_SCOPES],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: [...GRANT_TYPES],
    token_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
    revocation_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
    introspection_endpoint_auth_methods_supported: ['client_secret_post'],
    code_challenge_methods_supported: [...CODE_CHALLENGE_METHODS],
  };
}

/** `GET /.well-known/oauth-authorization-server` (RFC 8414), outside the `/api` prefix. */
@ApiTags('oauth2')
@Controller('.well-known')
export class OAuth2MetadataController {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  @Get('oauth-authorization-server')
  @Public()
  @RawResponse()
  @ApiOperation({
    summary: 'Authorization server metadata',
    description:
      'RFC 8414 §3 metadata for OAuth2 clients: endpoints (the RFC 8628 device ' +
      'authorization endpoint included), scopes, grant types, client ' +
      'authentication and PKCE methods; public, a plain JSON object (no envelope). Not part ' +
      'of FitTrackee, which publishes no metadata.',
  })
  @ApiOkResponse({
    type: AuthorizationServerMetadataDto,
    description: 'The metadata (RFC 8414 §3.2).',
    example: metadataOf(ISSUER_EXAMPLE),
  })
  metadata(): AuthorizationServerMetadataDto {
    return metadataOf(this.config.get('app.uiUrl', { infer: true }));
  }
}
