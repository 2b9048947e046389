import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import { ClientCheckLimits } from 'src/oauth2/client-check-limits';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import type { OAuth2IntrospectionResponseDto } from 'src/oauth2/dto/oauth2-introspection-response.dto';
import type { OAuth2TokenResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';
import { AuthorizationCodeGrant } from 'src/oauth2/grants/authorization-code.grant';
import { GrantExchangeModel, toLibraryClient } from 'src/oauth2/grants/grant-exchange.model';
import { RefreshTokenGrant } from 'src/oauth2/grants/refresh-token.grant';
import {
  InvalidClientError,
  InvalidRequestError,
  UnsupportedGrantTypeError,
  UnsupportedTokenTypeHintError,
} from 'src/oauth2/oauth2.errors';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { OAuth2TokensService } from 'src/oauth2/tokens/oauth2-tokens.service';

export type OAuth2Form = Readonly<Record<string, unknown>>;

const GRANTS = { authorization_code: AuthorizationCodeGrant, refresh_token: RefreshTokenGrant };

/**
 * FitTrackee `POST /api/oauth/token` and `POST /api/oauth/revoke` (RFC 6749 §4.1.3, §6; RFC 7009),
 * and `POST /api/oauth/introspect` (RFC 7662): one client authentication for all three.
 */
@Injectable()
export class OAuth2TokenService {
  constructor(
    private readonly clients: OAuth2ClientsService,
    private readonly codes: OAuth2CodesService,
    private readonly tokens: OAuth2TokensService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly limits: ClientCheckLimits,
  ) {}

  async token(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<OAuth2TokenResponseDto> {
    const grantType = form['grant_type'];
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token')
      throw new UnsupportedGrantTypeError();
    refuseBasicAuthentication(authorization);
    return this.limits.run(form['client_id'], ip, () => this.exchange(form, grantType));
  }

  private async exchange(
    form: OAuth2Form,
    grantType: keyof typeof GRANTS,
  ): Promise<OAuth2TokenResponseDto> {
    const client = await this.authenticateClient(form);
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
    refuseBasicAuthentication(authorization);
    const client = await this.limits.run(form['client_id'], ip, () =>
      this.authenticateClient(form),
    );
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
   * must prove a secret (§2.1 requires an authorized caller; a client without a secret could be
   * impersonated by anyone who knows its public id). A refused client is 401 (§2.3).
   */
  async introspect(
    form: OAuth2Form,
    authorization: string | undefined,
    ip?: string,
  ): Promise<OAuth2IntrospectionResponseDto> {
    let client: OAuth2Client;
    try {
      refuseBasicAuthentication(authorization);
      client = await this.limits.run(form['client_id'], ip, () => {
        const secret = form['client_secret'];
        if (typeof secret !== 'string' || secret === '')
          throw new InvalidClientError('the introspection endpoint requires a client_secret');
        return this.authenticateClient(form);
      });
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

  private async authenticateClient(form: OAuth2Form): Promise<OAuth2Client> {
    const client = await this.clients.authenticate(form['client_id'], form['client_secret']);
    if (!client) throw new InvalidClientError();
    return client;
  }
}

/** client_secret_post only, as FitTrackee `POST /api/oauth/token`: HTTP Basic is refused. */
function refuseBasicAuthentication(authorization: string | undefined): void {
  if (authorization !== undefined && /^basic\s/i.test(authorization))
    throw new InvalidClientError(
      'client_secret_basic is not supported: send client_id and client_secret in the form body',
    );
}
