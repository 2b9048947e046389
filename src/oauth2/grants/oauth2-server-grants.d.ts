// The library exports only AbstractGrantType's typings; these describe the two concrete grant
// types we extend (node_modules/@node-oauth/oauth2-server/lib/grant-types, v5.3).
declare module '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type' {
  import type OAuth2Server from '@node-oauth/oauth2-server';

  interface GrantRequest {
    body: Record<string, unknown>;
    query: Record<string, unknown>;
  }

  interface GrantOptions {
    model: OAuth2Server.AuthorizationCodeModel | OAuth2Server.RefreshTokenModel;
    accessTokenLifetime: number;
    refreshTokenLifetime: number;
    alwaysIssueNewRefreshToken?: boolean;
    enablePlainPKCE?: boolean;
    /** Ours: a public client's code must carry an S256 challenge (RFC 9700 §2.1.1). */
    isS256Required?: boolean;
  }

  class AuthorizationCodeGrantType {
    constructor(options: GrantOptions);
    handle(request: GrantRequest, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getAuthorizationCode(
      request: GrantRequest,
      client: OAuth2Server.Client,
    ): Promise<OAuth2Server.AuthorizationCode>;
    verifyPKCE(request: GrantRequest, code: OAuth2Server.AuthorizationCode): void;
    validateRedirectUri(request: GrantRequest, code: OAuth2Server.AuthorizationCode): void;
  }

  export = AuthorizationCodeGrantType;
}

declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type' {
  import type OAuth2Server from '@node-oauth/oauth2-server';
  import type AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type';

  type GrantOptions = ConstructorParameters<typeof AuthorizationCodeGrantType>[0];
  type GrantRequest = Parameters<AuthorizationCodeGrantType['handle']>[0];

  class RefreshTokenGrantType {
    constructor(options: GrantOptions);
    handle(request: GrantRequest, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(
      request: GrantRequest,
      client: OAuth2Server.Client,
    ): Promise<OAuth2Server.RefreshToken>;
    revokeToken(token: OAuth2Server.RefreshToken): Promise<OAuth2Server.RefreshToken>;
    getScope(request: GrantRequest, token: OAuth2Server.RefreshToken): string[] | undefined;
    saveToken(
      user: OAuth2Server.User,
      client: OAuth2Server.Client,
      scope: string[] | undefined,
    ): Promise<OAuth2Server.Token>;
  }

  export = RefreshTokenGrantType;
}

declare module '@node-oauth/oauth2-server/lib/pkce/pkce' {
  const pkce: {
    codeChallengeMatchesABNF(value: string): boolean;
    isValidMethod(method: string): boolean;
    getHashForCodeChallenge(options: { method: string; verifier: string }): string | undefined;
  };
  export = pkce;
}
