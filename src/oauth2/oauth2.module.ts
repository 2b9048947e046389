import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OAuth2AuthorizeService } from 'src/oauth2/authorization/oauth2-authorize.service';
import { ClientCheckLimits } from 'src/oauth2/client-check-limits';
import { ClientAuthenticationService } from 'src/oauth2/clients/client-authentication.service';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsController } from 'src/oauth2/clients/oauth2-clients.controller';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { ConnectedAppsController } from 'src/oauth2/connected-apps/connected-apps.controller';
import { ConnectedAppsService } from 'src/oauth2/connected-apps/connected-apps.service';
import { OAuth2Grant } from 'src/oauth2/connected-apps/oauth2-grant.entity';
import { OAuth2GrantsService } from 'src/oauth2/connected-apps/oauth2-grants.service';
import { BrowserLoginService } from 'src/oauth2/consent/browser-login.service';
import { ConsentController } from 'src/oauth2/consent/consent.controller';
import { ConsentService } from 'src/oauth2/consent/consent.service';
import { ConsentSessions } from 'src/oauth2/consent/consent-sessions.service';
import { UsedFormToken } from 'src/oauth2/consent/used-form-token.entity';
import { UsedFormTokensService } from 'src/oauth2/consent/used-form-tokens.service';
import { CorsOriginsService } from 'src/oauth2/cors/cors-origins.service';
import { CorsPolicy } from 'src/oauth2/cors/cors-policy';
import { DeviceAuthorizationController } from 'src/oauth2/device/device-authorization.controller';
import { DeviceAuthorizationService } from 'src/oauth2/device/device-authorization.service';
import { OAuth2DeviceCode } from 'src/oauth2/device/oauth2-device-code.entity';
import { OAuth2DeviceCodesService } from 'src/oauth2/device/oauth2-device-codes.service';
import { DeviceVerificationController } from 'src/oauth2/device/verification/device-verification.controller';
import { DeviceVerificationService } from 'src/oauth2/device/verification/device-verification.service';
import { DeviceCodeGrant } from 'src/oauth2/grants/device-code.grant';
import { OAuth2Controller } from 'src/oauth2/oauth2.controller';
import { OAuth2MetadataController } from 'src/oauth2/oauth2-metadata.controller';
import { OAuth2TokenService } from 'src/oauth2/oauth2-token.service';
import { OAuth2AccessTokenLookup } from 'src/oauth2/strategies/oauth2-access-token-lookup';
import { OAuth2BearerStrategy } from 'src/oauth2/strategies/oauth2-bearer.strategy';
import { OAuth2AuthorizationCode } from 'src/oauth2/tokens/oauth2-authorization-code.entity';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';
import { SecureTransportGuard } from 'src/oauth2/transport/secure-transport.guard';
import {
  type ExpiredTokensCleaner,
  OAUTH2_TOKENS_CLEANER,
} from 'src/users/maintenance/token-cleaners';
import { User } from 'src/users/user.entity';

/**
 * The OAuth2 provider (docs/oauth2.md). Never imports AuthModule: the global guard authenticates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OAuth2Client,
      OAuth2AuthorizationCode,
      OAuth2Token,
      OAuth2Grant,
      UsedFormToken,
      OAuth2DeviceCode,
      User,
    ]),
  ],
  controllers: [
    OAuth2ClientsController,
    ConnectedAppsController,
    OAuth2Controller,
    OAuth2MetadataController,
    ConsentController,
    DeviceAuthorizationController,
    DeviceVerificationController,
  ],
  providers: [
    {
      provide: OAUTH2_TOKENS_CLEANER,
      inject: [OAuth2TokensService],
      useFactory: (tokens: OAuth2TokensService): ExpiredTokensCleaner => ({
        cleanExpired: (days) => tokens.deleteExpiredBefore(days),
      }),
    },
    OAuth2ClientsService,
    OAuth2CodesService,
    OAuth2TokensService,
    OAuth2TokenService,
    OAuth2GrantsService,
    ConnectedAppsService,
    ClientCheckLimits,
    ClientAuthenticationService,
    OAuth2AuthorizeService,
    OAuth2AccessTokenLookup,
    OAuth2BearerStrategy,
    SecureTransportGuard,
    BrowserLoginService,
    UsedFormTokensService,
    ConsentSessions,
    ConsentService,
    OAuth2DeviceCodesService,
    DeviceCodeGrant,
    DeviceAuthorizationService,
    DeviceVerificationService,
    CorsOriginsService,
    CorsPolicy,
  ],
  exports: [OAuth2TokensService, OAuth2ClientsService],
})
export class OAuth2Module {}
