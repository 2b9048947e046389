import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { Public } from 'src/auth/decorators';
import { ALL_SCOPES } from 'src/auth/scopes';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import type { AppConfig } from 'src/config/configuration';
import { CODE_CHALLENGE_METHODS } from 'src/oauth2/tokens/pkce';

/** RFC 8414 §2 authorization server metadata. */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  scopes_supported: string[];
  response_types_supported: string[];
  response_modes_supported: string[];
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  code_challenge_methods_supported: string[];
}

/** `GET /.well-known/oauth-authorization-server` (RFC 8414), outside the `/api` prefix. */
@ApiTags('oauth2')
@Controller('.well-known')
export class OAuth2MetadataController {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  @Get('oauth-authorization-server')
  @Public()
  @RawResponse()
  metadata(): AuthorizationServerMetadata {
    const issuer = this.config.get('app.uiUrl', { infer: true });
    return {
      issuer,
      authorization_endpoint: `${issuer}/profile/apps/authorize`,
      token_endpoint: `${issuer}/api/oauth/token`,
      revocation_endpoint: `${issuer}/api/oauth/revoke`,
      scopes_supported: [...ALL_SCOPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      revocation_endpoint_auth_methods_supported: ['client_secret_post'],
      code_challenge_methods_supported: [...CODE_CHALLENGE_METHODS],
    };
  }
}
