import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import {
  ClientAuthenticationService,
  type ClientForm,
} from 'src/oauth2/clients/client-authentication.service';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import type { DeviceAuthorizationResponseDto } from 'src/oauth2/device/dto/device-authorization-response.dto';
import { OAuth2DeviceCodesService } from 'src/oauth2/device/oauth2-device-codes.service';
import { InvalidScopeError } from 'src/oauth2/oauth2.errors';

/** The verification page's short address, under the issuer (RFC 8628 §3.3.1). */
export const VERIFICATION_PATH = '/device';

/** `POST /api/oauth/device_authorization` (RFC 8628 §3.1, §3.2; docs/oauth2.md#device-flow). */
@Injectable()
export class DeviceAuthorizationService {
  constructor(
    private readonly clientAuthentication: ClientAuthenticationService,
    private readonly codes: OAuth2DeviceCodesService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * The client authenticates as at the token endpoint (RFC 8628 §3.1); the scope is checked as
   * the authorization endpoint checks it: asking only for scopes the client may not have is
   * `invalid_scope`, others are dropped when the tokens are issued.
   */
  async authorize(
    form: ClientForm,
    authorization: string | undefined,
    ip: string | undefined,
  ): Promise<DeviceAuthorizationResponseDto> {
    const client = await this.clientAuthentication.authenticate(form, authorization, ip);
    const scope = typeof form['scope'] === 'string' ? form['scope'] : '';
    const requested = scope.split(/\s+/).filter((word) => word !== '');
    if (requested.length > 0 && allowedScopes(requested, client.scope).length === 0)
      throw new InvalidScopeError();
    const expiresIn = this.config.get('oauth2.deviceCodeExpiresIn', { infer: true });
    const interval = this.config.get('oauth2.devicePollInterval', { infer: true });
    const { deviceCode, userCode } = await this.codes.create({
      clientId: client.id,
      scope: requested.length > 0 ? requested.join(' ') : null,
      expiresIn,
      interval,
    });
    const verificationUri = `${this.config.get('app.uiUrl', { infer: true })}${VERIFICATION_PATH}`;
    return {
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
      expires_in: expiresIn,
      interval,
    };
  }
}
