import { Injectable } from '@nestjs/common';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import {
  AccessDeniedError,
  AuthorizationPendingError,
  ExpiredTokenError,
  SlowDownError,
} from 'src/oauth2/device/device-errors';
import { OAuth2DeviceCodesService } from 'src/oauth2/device/oauth2-device-codes.service';
import {
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
} from 'src/oauth2/oauth2.errors';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';

export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/** What a grant issued, for the token response. */
export interface IssuedGrant {
  accessToken: string;
  refreshToken: string;
  scope: string[];
}

const INVALID_DEVICE_CODE = 'Invalid "device_code" in request.';

/**
 * The device authorization grant's token request (RFC 8628 §3.4, §3.5): the answers while the
 * user decides, then one token pair, issued as the authorization code grant issues it (same
 * scope rule, a new refresh token family).
 */
@Injectable()
export class DeviceCodeGrant {
  constructor(
    private readonly codes: OAuth2DeviceCodesService,
    private readonly tokens: OAuth2TokensService,
  ) {}

  async handle(
    form: Readonly<Record<string, unknown>>,
    client: OAuth2Client,
  ): Promise<IssuedGrant> {
    const value = form['device_code'];
    if (typeof value !== 'string' || value === '')
      throw new InvalidRequestError('Missing "device_code" in request.');
    const code = await this.codes.findByDeviceCode(value);
    // Another client's code is unknown to this one (RFC 8628 §3.4: bound to the client).
    if (!code || code.clientId !== client.id || code.usedAt !== null)
      throw new InvalidGrantError(INVALID_DEVICE_CODE);
    if (code.status === 'denied') throw new AccessDeniedError();
    if (code.expiresAt.getTime() <= Date.now()) throw new ExpiredTokenError();
    if (code.status === 'pending') {
      const slowerInterval = await this.codes.recordPoll(code);
      throw slowerInterval === null
        ? new AuthorizationPendingError()
        : new SlowDownError(slowerInterval);
    }
    const { userId } = code;
    // The grant ends with its user's account (RFC 6749 §5.2 invalid_grant: "revoked").
    if (userId === null || !(await this.tokens.isUserActive(userId)))
      throw new InvalidGrantError(INVALID_DEVICE_CODE);
    const requested = (code.scope ?? '').split(/\s+/).filter((scope) => scope !== '');
    const scope = allowedScopes(requested, client.scope);
    if (requested.length > 0 && scope.length === 0) throw new InvalidScopeError();
    if (!(await this.codes.markUsed(code.id))) throw new InvalidGrantError(INVALID_DEVICE_CODE);
    const issued: IssuedGrant = {
      accessToken: OAuth2TokensService.generateAccessToken(),
      refreshToken: OAuth2TokensService.generateRefreshToken(),
      scope,
    };
    // The approval on the verification page is the consent: the user's grant of the app is
    // created (docs/oauth2.md#connected-apps) so the app is listed and revocable.
    await this.tokens.issueWithinGrant(
      {
        ...issued,
        clientId: client.id,
        userId,
        scope: scope.length > 0 ? scope.join(' ') : null,
        authorizationCodeId: null,
      },
      false,
    );
    return issued;
  }
}
