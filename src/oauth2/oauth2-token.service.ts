import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import { ClientAuthenticationService } from 'src/oauth2/clients/client-authentication.service';
import { isPublicClient, type OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import type { OAuth2IntrospectionResponseDto } from 'src/oauth2/dto/oauth2-introspection-response.dto';
import type { OAuth2TokenResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';
import { AuthorizationCodeGrant } from 'src/oauth2/grants/authorization-code.grant';
import {
  DEVICE_CODE_GRANT_TYPE,
  DeviceCodeGrant,
  type IssuedGrant,
} from 'src/oauth2/grants/device-code.grant';
import { GrantExchangeModel, toLibraryClient } from 'src/oauth2/grants/grant-exchange.model';
import { RefreshTokenGrant } from 'src/oauth2/grants/refresh-token.grant';
import {
  InvalidClientError,
  InvalidRequestError,
  UnsupportedGrantTypeError,
  UnsupportedTokenTypeHintError,
} from 'src/oauth2/oauth2.errors';
import { OAuth2AccessTokenLookup } from 'src/oauth2/strategies/oauth2-access-token-lookup';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';

export type OAuth2Form = Readonly<Record<string, unknown>>;

const GRANTS = { authorization_code: AuthorizationCodeGrant, refresh_token: RefreshTokenGrant };

type GrantType = keyof typeof GRANTS | typeof DEVICE_CODE_GRANT_TYPE;

function isGrantType(value: unknown): value is GrantType {
  return (
    value === 'authorization_code' || value === 'refresh_token' || value === DEVICE_CODE_GRANT_TYPE
  );
}

/**
 * FitTrackee `POST /api/oauth/token` and `POST /api/oauth/revoke` (RFC 6749 §4.1.3, §6; RFC 7009),
 * the device code grant (RFC 8628 §3.4) and `POST /api/oauth/introspect` (RFC 7662): one client
 * authentication for all of them.
 */
@Injectable()
export class OAuth2TokenService {
  constructor(
    private readonly clientAuthentication: ClientAuthenticationService,
    private readonly codes: OAuth2CodesService,
    private readonly tokens: OAuth2TokensService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly deviceCodeGrant: DeviceCodeGrant,
    private readonly accessTokens: OAuth2AccessTokenLookup,
  ) {}

  async token(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<OAuth2TokenResponseDto> {
    const grantType = form['grant_type'];
    if (!isGrantType(grantType)) throw new UnsupportedGrantTypeError();
    return this.clientAuthentication.authenticateThen(form, authorization, ip, (client) =>
      this.exchange(client, form, grantType),
    );
  }

  private async exchange(
    client: OAuth2Client,
    form: OAuth2Form,
    grantType: GrantType,
  ): Promise<OAuth2TokenResponseDto> {
    const expiresIn = this.config.get('oauth2.tokenExpiresIn', { infer: true });
    const issued: IssuedGrant =
      grantType === DEVICE_CODE_GRANT_TYPE
        ? await this.deviceCodeGrant.handle(form, client)
        : await this.libraryGrant(form, grantType, client, expiresIn);
    // `scope` is omitted when empty, as Authlib does.
    const response: OAuth2TokenResponseDto = {
      access_token: issued.accessToken,
      expires_in: expiresIn,
      refresh_token: issued.refreshToken,
      token_type: 'Bearer',
    };
    if (issued.scope.length > 0) response.scope = issued.scope.join(' ');
    return response;
  }

  private async libraryGrant(
    form: OAuth2Form,
    grantType: keyof typeof GRANTS,
    client: OAuth2Client,
    expiresIn: number,
  ): Promise<IssuedGrant> {
    const Grant = GRANTS[grantType];
    const grant = new Grant({
      model: new GrantExchangeModel(
        client,
        this.codes,
        this.tokens,
        this.accessTokens,
        this.config.get('oauth2.authorizationCodeExpiresIn', { infer: true }),
      ),
      accessTokenLifetime: expiresIn,
      refreshTokenLifetime: 2 * expiresIn,
      alwaysIssueNewRefreshToken: true,
      enablePlainPKCE: true,
      isS256Required: isPublicClient(client),
    });
    const issued = await grant.handle({ body: { ...form }, query: {} }, toLibraryClient(client));
    return {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken ?? '',
      scope: issued.scope ?? [],
    };
  }

  /** RFC 7009: always `{}` once the client is authenticated and a token is given. */
  async revoke(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<Record<string, never>> {
    const client = await this.clientAuthentication.authenticate(form, authorization, ip);
    const token = form['token'];
    if (typeof token !== 'string' || token === '') throw new InvalidRequestError();
    const hint = form['token_type_hint'];
    if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token')
      throw new UnsupportedTokenTypeHintError();
    await this.tokens.revokeForRevocationRequest(token, client.id, hint);
    return {};
  }

  /**
   * RFC 7662: the client authenticates as at the token endpoint, under the same limits, and
   * must prove a secret (§2.1 requires an authorized caller; a public client could be
   * impersonated by anyone who knows its id). A refused client is 401 (§2.3).
   */
  async introspect(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<OAuth2IntrospectionResponseDto> {
    let client: OAuth2Client;
    try {
      client = await this.clientAuthentication.authenticateThen(
        form,
        authorization,
        ip,
        (found) => {
          if (isPublicClient(found))
            throw new InvalidClientError('the introspection endpoint requires a client_secret');
          return Promise.resolve(found);
        },
      );
    } catch (error) {
      throw error instanceof InvalidClientError
        ? new InvalidClientError(error.description, 401)
        : error;
    }
    const token = form['token'];
    if (typeof token !== 'string' || token === '') throw new InvalidRequestError();
    // RFC 7662 §2.1: the hint only orders the lookup; an unknown one is ignored.
    const hint = form['token_type_hint'];
    return this.tokens.introspect(
      token,
      client,
      hint === 'access_token' || hint === 'refresh_token' ? hint : undefined,
    );
  }
}
