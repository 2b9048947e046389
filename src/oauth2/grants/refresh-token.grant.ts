import type OAuth2Server from '@node-oauth/oauth2-server';
import RefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type';
import { translateLibraryError } from 'src/oauth2/grants/authorization-code.grant';
import {
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
} from 'src/oauth2/oauth2.errors';

type GrantRequest = Parameters<RefreshTokenGrantType['handle']>[0];

/**
 * The refresh_token grant of @node-oauth/oauth2-server with rotation: a new access and refresh
 * token, the old pair revoked (FitTrackee `POST /api/oauth/token`). The requested scope is checked
 * before the old pair is revoked, so a bad scope does not burn the refresh token (as Authlib).
 */
export class RefreshTokenGrant extends RefreshTokenGrantType {
  override async handle(
    request: GrantRequest,
    client: OAuth2Server.Client,
  ): Promise<OAuth2Server.Token> {
    const token = await this.getRefreshToken(request, client);
    const scope = this.getScope(request, token);
    await this.revokeToken(token);
    return this.saveToken(token.user, client, scope);
  }

  override async getRefreshToken(
    request: GrantRequest,
    client: OAuth2Server.Client,
  ): Promise<OAuth2Server.RefreshToken> {
    const value = request.body['refresh_token'];
    if (typeof value !== 'string' || value === '')
      throw new InvalidRequestError('Missing "refresh_token" in request.');
    try {
      return await super.getRefreshToken(request, client);
    } catch (error) {
      return translateLibraryError(error, () => new InvalidGrantError());
    }
  }

  override async revokeToken(token: OAuth2Server.RefreshToken): Promise<OAuth2Server.RefreshToken> {
    try {
      return await super.revokeToken(token);
    } catch (error) {
      return translateLibraryError(error, () => new InvalidGrantError());
    }
  }

  override getScope(request: GrantRequest, token: OAuth2Server.RefreshToken): string[] | undefined {
    try {
      return super.getScope(request, token);
    } catch (error) {
      return translateLibraryError(error, () => new InvalidScopeError());
    }
  }
}
