import type OAuth2Server from '@node-oauth/oauth2-server';
import AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type';
import { InvalidGrantError, InvalidRequestError } from 'src/oauth2/oauth2.errors';
import { codeVerifierMatchesFormat } from 'src/oauth2/tokens/pkce';

type GrantRequest = Parameters<AuthorizationCodeGrantType['handle']>[0];
type GrantOptions = ConstructorParameters<typeof AuthorizationCodeGrantType>[0];

const INVALID_CODE = 'Invalid "code" in request.';

/** Lets our own RFC errors through; turns the library's refusals into FitTrackee's answer. */
export function translateLibraryError(error: unknown, replacement: () => Error): never {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'invalid_grant' || name === 'invalid_request' || name === 'invalid_scope')
    throw replacement();
  throw error;
}

/**
 * The authorization_code grant of @node-oauth/oauth2-server (lookup, client binding, expiry,
 * single use, PKCE S256/plain), answering with the error codes and descriptions of
 * FitTrackee `POST /api/oauth/token`. The code is consumed before PKCE and redirect URI checks, so
 * a failed attempt cannot be retried (RFC 9700 §2.1.1).
 */
export class AuthorizationCodeGrant extends AuthorizationCodeGrantType {
  private readonly isS256Required: boolean;

  constructor(options: GrantOptions) {
    super(options);
    this.isS256Required = options.isS256Required === true;
  }

  override async getAuthorizationCode(
    request: GrantRequest,
    client: OAuth2Server.Client,
  ): Promise<OAuth2Server.AuthorizationCode> {
    const code = request.body['code'];
    if (typeof code !== 'string' || code === '')
      throw new InvalidRequestError('Missing "code" in request.');
    try {
      return await super.getAuthorizationCode(request, client);
    } catch (error) {
      return translateLibraryError(error, () => new InvalidGrantError(INVALID_CODE));
    }
  }

  override verifyPKCE(request: GrantRequest, code: OAuth2Server.AuthorizationCode): void {
    // The authorization endpoint already refuses such a request from a public client.
    if (this.isS256Required && code.codeChallengeMethod !== 'S256')
      throw new InvalidGrantError('Public clients must use PKCE with code_challenge_method S256.');
    const verifier = request.body['code_verifier'];
    if (code.codeChallenge) {
      if (typeof verifier !== 'string' || verifier === '')
        throw new InvalidRequestError('Missing "code_verifier"');
      if (!codeVerifierMatchesFormat(verifier))
        throw new InvalidRequestError('Invalid "code_verifier"');
    }
    try {
      super.verifyPKCE(request, code);
    } catch (error) {
      translateLibraryError(error, () => new InvalidGrantError('Code challenge failed.'));
    }
  }

  /**
   * Identical to the one sent to /authorize, when one was sent (FitTrackee
   * `POST /api/oauth/token`).
   */
  override validateRedirectUri(request: GrantRequest, code: OAuth2Server.AuthorizationCode): void {
    if (!code.redirectUri) return;
    if (request.body['redirect_uri'] !== code.redirectUri)
      throw new InvalidGrantError('Invalid "redirect_uri" in request.');
  }
}
