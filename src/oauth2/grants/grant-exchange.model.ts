import type OAuth2Server from '@node-oauth/oauth2-server';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { InvalidGrantError, InvalidScopeError } from 'src/oauth2/oauth2.errors';
import type { OAuth2AccessTokenLookup } from 'src/oauth2/strategies/oauth2-access-token-lookup';
import type { OAuth2AuthorizationCode } from 'src/oauth2/tokens/oauth2-authorization-code.entity';
import type { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import type { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import {
  isRefreshTokenExpired,
  isRevoked,
  OAuth2TokensService,
} from 'src/oauth2/tokens/oauth2-tokens.service';

/** The authenticated client as @node-oauth/oauth2-server sees it; `id` is our row id. */
export function toLibraryClient(client: OAuth2Client): OAuth2Server.Client {
  return { id: String(client.id), grants: ['authorization_code', 'refresh_token'] };
}

function splitScope(scope: string | null): string[] | undefined {
  const scopes = (scope ?? '').split(/\s+/).filter((s) => s !== '');
  return scopes.length === 0 ? undefined : scopes;
}

/**
 * The @node-oauth/oauth2-server model for one token request. It remembers the code or the
 * refresh token being exchanged, so the new pair joins the right family, and it applies the
 * replay rules the library lacks (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 */
export class GrantExchangeModel
  implements OAuth2Server.AuthorizationCodeModel, OAuth2Server.RefreshTokenModel
{
  private code: OAuth2AuthorizationCode | undefined;
  private rotating: OAuth2Token | undefined;
  /** Read before the code or refresh token is consumed (OAuth2TokensService.issueWithinGrant). */
  private hadGrant = false;

  constructor(
    private readonly client: OAuth2Client,
    private readonly codes: OAuth2CodesService,
    private readonly tokens: OAuth2TokensService,
    private readonly accessTokens: OAuth2AccessTokenLookup,
    private readonly codeLifetimeSeconds: number,
  ) {}

  getClient(): Promise<OAuth2Server.Client> {
    // The controller authenticated the client (client_secret_post) before any grant runs.
    return Promise.resolve(toLibraryClient(this.client));
  }

  /**
   * Part of the library's model interface; the grants never call it. A usable access token is
   * the one the resource server accepts (docs/oauth2.md#tokens), asked of the same lookup.
   */
  async getAccessToken(accessToken: string): Promise<OAuth2Server.Token | null> {
    const found = await this.accessTokens.find(accessToken);
    if (!found) return null;
    return {
      accessToken,
      client: { id: String(found.clientId), grants: [] },
      user: { id: found.user.id },
    };
  }

  generateAccessToken(): Promise<string> {
    return Promise.resolve(OAuth2TokensService.generateAccessToken());
  }

  generateRefreshToken(): Promise<string> {
    return Promise.resolve(OAuth2TokensService.generateRefreshToken());
  }

  async getAuthorizationCode(value: string): Promise<OAuth2Server.AuthorizationCode | null> {
    const code = await this.codes.findByCode(value);
    if (!code) return null;
    if (code.usedAt !== null) {
      await this.tokens.revokeIssuedFromCode(code.id);
      return null;
    }
    // A grant ends with its user's account (RFC 6749 §5.2 invalid_grant: "revoked").
    if (!(await this.tokens.isUserActive(code.userId))) return null;
    this.code = code;
    this.hadGrant = await this.tokens.hasGrant(code.userId, code.clientId);
    const result: OAuth2Server.AuthorizationCode = {
      authorizationCode: value,
      expiresAt: new Date(code.authTime.getTime() + this.codeLifetimeSeconds * 1000),
      redirectUri: code.redirectUri ?? '',
      client: { id: String(code.clientId), grants: [] },
      user: { id: code.userId },
    };
    const scope = splitScope(code.scope);
    if (scope) result.scope = scope;
    if (code.codeChallenge !== null) result.codeChallenge = code.codeChallenge;
    if (code.codeChallengeMethod !== null) result.codeChallengeMethod = code.codeChallengeMethod;
    return result;
  }

  saveAuthorizationCode(): Promise<never> {
    // Codes are issued by OAuth2AuthorizeService (consent page and POST /api/oauth/authorize).
    return Promise.reject(new Error('authorization codes are not issued through the token model'));
  }

  /** Losing a race for the same code is a replay too: revoke what the winner got. */
  async revokeAuthorizationCode(): Promise<boolean> {
    if (!this.code) return false;
    if (await this.codes.markUsed(this.code.id)) return true;
    await this.tokens.revokeIssuedFromCode(this.code.id);
    return false;
  }

  /**
   * Authlib `get_allowed_scope`: requested scopes the client may have, in requested order.
   * When scopes were requested and none is allowed, the request fails with `invalid_scope`
   * (RFC 6749 §5.2) instead of a token that can do nothing; no scope at all stays allowed.
   */
  validateScope(
    _user: OAuth2Server.User,
    _client: OAuth2Server.Client,
    scope?: string[],
  ): Promise<string[]> {
    const requested = scope ?? [];
    const allowed = allowedScopes(requested, this.client.scope);
    if (requested.length > 0 && allowed.length === 0)
      return Promise.reject(new InvalidScopeError());
    return Promise.resolve(allowed);
  }

  async getRefreshToken(value: string): Promise<OAuth2Server.RefreshToken | null> {
    const token = await this.tokens.findByRefreshToken(value);
    if (!token) return null;
    if (isRevoked(token)) {
      // A rotated (or revoked) refresh token presented again: assume it leaked.
      await this.tokens.revokeFamily(token.familyId);
      return null;
    }
    if (isRefreshTokenExpired(token)) return null;
    // Refresh is refused once the user is deactivated or deleted (RFC 6749 §6, §5.2).
    if (!(await this.tokens.isUserActive(token.userId))) return null;
    this.rotating = token;
    this.hadGrant = await this.tokens.hasGrant(token.userId, token.clientId);
    const result: OAuth2Server.RefreshToken = {
      refreshToken: value,
      client: { id: String(token.clientId), grants: [] },
      user: { id: token.userId },
    };
    const scope = splitScope(token.scope);
    if (scope) result.scope = scope;
    return result;
  }

  revokeToken(): Promise<boolean> {
    return this.rotating ? this.tokens.revokePair(this.rotating.id) : Promise.resolve(false);
  }

  async saveToken(
    token: OAuth2Server.Token,
    client: OAuth2Server.Client,
    user: OAuth2Server.User,
  ): Promise<OAuth2Server.Token> {
    const scope = token.scope && token.scope.length > 0 ? token.scope.join(' ') : null;
    const refreshToken = token.refreshToken ?? OAuth2TokensService.generateRefreshToken();
    const userId = this.rotating?.userId ?? this.code?.userId;
    if (userId === undefined) throw new Error('a token can only be saved for a code or a refresh');
    const issued = await this.tokens.issueWithinGrant(
      {
        accessToken: token.accessToken,
        refreshToken,
        clientId: this.client.id,
        userId,
        scope,
        authorizationCodeId: this.rotating
          ? this.rotating.authorizationCodeId
          : (this.code?.id ?? null),
        ...(this.rotating ? { familyId: this.rotating.familyId } : {}),
      },
      this.hadGrant,
    );
    // The user revoked the app meanwhile (RFC 6749 §5.2 invalid_grant: "revoked").
    if (issued === null) throw new InvalidGrantError();
    return { ...token, refreshToken, client, user };
  }
}
