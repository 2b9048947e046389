import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import { ClientAuthenticationService } from 'src/oauth2/clients/client-authentication.service';
import { isPublicClient, type OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import type { OAuth2TokenResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';
import { AuthorizationCodeGrant } from 'src/oauth2/grants/authorization-code.grant';
import { GrantExchangeModel, toLibraryClient } from 'src/oauth2/grants/grant-exchange.model';
import { RefreshTokenGrant } from 'src/oauth2/grants/refresh-token.grant';
import {
  InvalidRequestError,
  UnsupportedGrantTypeError,
  UnsupportedTokenTypeHintError,
} from 'src/oauth2/oauth2.errors';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';

export type OAuth2Form = Readonly<Record<string, unknown>>;

const GRANTS = { authorization_code: AuthorizationCodeGrant, refresh_token: RefreshTokenGrant };

/** FitTrackee `POST /api/oauth/token` and `POST /api/oauth/revoke` (RFC 6749 §4.1.3, §6; RFC 7009). */
@Injectable()
export class OAuth2TokenService {
  constructor(
    private readonly clientAuthentication: ClientAuthenticationService,
    private readonly codes: OAuth2CodesService,
    private readonly tokens: OAuth2TokensService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async token(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<OAuth2TokenResponseDto> {
    const grantType = form['grant_type'];
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token')
      throw new UnsupportedGrantTypeError();
    return this.clientAuthentication.authenticateThen(form, authorization, ip, (client) =>
      this.exchange(client, form, grantType),
    );
  }

  private async exchange(
    client: OAuth2Client,
    form: OAuth2Form,
    grantType: keyof typeof GRANTS,
  ): Promise<OAuth2TokenResponseDto> {
    const expiresIn = this.config.get('oauth2.tokenExpiresIn', { infer: true });
    const Grant = GRANTS[grantType];
    const grant = new Grant({
      model: new GrantExchangeModel(
        client,
        this.codes,
        this.tokens,
        this.config.get('oauth2.authorizationCodeExpiresIn', { infer: true }),
      ),
      accessTokenLifetime: expiresIn,
      refreshTokenLifetime: 2 * expiresIn,
      alwaysIssueNewRefreshToken: true,
      enablePlainPKCE: true,
      isS256Required: isPublicClient(client),
    });
    const issued = await grant.handle({ body: { ...form }, query: {} }, toLibraryClient(client));
    // `scope` is omitted when empty, as Authlib does.
    const response: OAuth2TokenResponseDto = {
      access_token: issued.accessToken,
      expires_in: expiresIn,
      refresh_token: issued.refreshToken ?? '',
      token_type: 'Bearer',
    };
    if (issued.scope && issued.scope.length > 0) response.scope = issued.scope.join(' ');
    return response;
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
}
