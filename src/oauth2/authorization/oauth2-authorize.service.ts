import { Injectable } from '@nestjs/common';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import {
  type AuthorizationParams,
  AuthorizationRequestError,
  readAuthorizationParams,
} from 'src/oauth2/authorization/authorization-request';
import { allowedScopes } from 'src/oauth2/clients/client-scope';
import { isPublicClient, type OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { isRegisteredRedirectUri, withQuery } from 'src/oauth2/clients/redirect-uri';
import { OAuth2GrantsService } from 'src/oauth2/connected-apps/oauth2-grants.service';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import { codeVerifierMatchesFormat, isCodeChallengeMethod } from 'src/oauth2/tokens/pkce';
import type { User } from 'src/users/user.entity';

export interface ValidatedAuthorization {
  client: OAuth2Client;
  params: AuthorizationParams;
  /** Where the answer goes: the requested URI, else the client's first one. */
  redirectUri: string;
}

const DENIED = 'The resource owner or authorization server denied the request';
/** Authlib's InvalidScopeError description, as FitTrackee `POST /api/oauth/token` words it. */
const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed.';

/**
 * Authorization requests (FitTrackee `POST /api/oauth/authorize`), for the API and for the consent
 * page.
 */
@Injectable()
export class OAuth2AuthorizeService {
  constructor(
    private readonly clients: OAuth2ClientsService,
    private readonly codes: OAuth2CodesService,
    private readonly grants: OAuth2GrantsService,
  ) {}

  /** The checks of RFC 6749 §4.1.1 and RFC 7636 §4.3, client and redirect URI first. */
  async validate(params: AuthorizationParams): Promise<ValidatedAuthorization> {
    const client = params.clientId ? await this.clients.findByClientId(params.clientId) : null;
    if (!client) throw new AuthorizationRequestError('invalid_client', 'OAuth2 client not found');
    if (
      params.redirectUri !== undefined &&
      !isRegisteredRedirectUri(client.redirectUris, params.redirectUri)
    )
      throw new AuthorizationRequestError('invalid_request', 'Invalid "redirect_uri" in request.');
    const redirectUri = params.redirectUri ?? client.redirectUris[0];
    if (redirectUri === undefined)
      throw new AuthorizationRequestError('invalid_request', 'Missing "redirect_uri" in request.');
    if (params.responseType !== 'code')
      throw new AuthorizationRequestError(
        'unsupported_response_type',
        'response_type must be "code"',
      );
    const problem = codeChallengeProblem(params) ?? publicClientPkceProblem(client, params);
    if (problem !== null) throw new AuthorizationRequestError('invalid_request', problem);
    // Asking only for scopes the client may not have can only end in a useless token.
    const requested = (params.scope ?? '').split(/\s+/).filter((scope) => scope !== '');
    if (requested.length > 0 && allowedScopes(requested, client.scope).length === 0)
      throw new AuthorizationRequestError('invalid_scope', INVALID_SCOPE);
    return { client, params, redirectUri };
  }

  /** The user consented (or had): the grant remembers it (docs/oauth2.md#connected-apps). */
  async issueCode(user: User, authorization: ValidatedAuthorization): Promise<string> {
    const { client, params } = authorization;
    const scopes = allowedScopes((params.scope ?? '').split(/\s+/), client.scope);
    await this.grants.record(user.id, client.id, scopes, authorization.redirectUri);
    const code = await this.codes.create({
      clientId: client.id,
      userId: user.id,
      redirectUri: params.redirectUri ?? null,
      scope: params.scope ?? null,
      codeChallenge: params.codeChallenge ?? null,
      // A challenge without a method is `plain` (RFC 7636 §4.3).
      codeChallengeMethod: params.codeChallenge ? (params.codeChallengeMethod ?? 'plain') : null,
    });
    return withQuery(authorization.redirectUri, { code, state: params.state });
  }

  /** The error redirect of RFC 6749 §4.1.2.1, e.g. `access_denied` when the user cancels. */
  errorRedirect(
    authorization: ValidatedAuthorization,
    error: string,
    description?: string,
  ): string {
    return withQuery(authorization.redirectUri, {
      error,
      error_description: description,
      state: authorization.params.state,
    });
  }

  /**
   * FitTrackee `POST /api/oauth/authorize`: only form fields count, so a JSON body is `invalid
   * payload`; refusals are 400 with the Authlib description; an unknown client or unregistered
   * redirect URI is a clear 400 too, where FitTrackee answers 200 `{"redirect_url": null}`.
   */
  async authorizeFromApi(
    user: User,
    form: Readonly<Record<string, unknown>>,
  ): Promise<{ redirect_url: string }> {
    const params = readAuthorizationParams(form);
    if (Object.keys(form).length === 0 || !params.clientId || params.responseType !== 'code')
      throw new InvalidPayloadError();
    let authorization: ValidatedAuthorization;
    try {
      authorization = await this.validate(params);
    } catch (error) {
      if (error instanceof AuthorizationRequestError)
        throw new InvalidPayloadError(error.description);
      throw error;
    }
    if (!isConfirmed(form['confirm'])) throw new InvalidPayloadError(DENIED);
    return { redirect_url: await this.issueCode(user, authorization) };
  }
}

/** Authlib CodeChallenge.validate_code_challenge (RFC 7636 §4.2–4.3). */
function codeChallengeProblem(params: AuthorizationParams): string | null {
  const { codeChallenge, codeChallengeMethod } = params;
  if (codeChallenge === undefined && codeChallengeMethod === undefined) return null;
  if (codeChallenge === undefined) return 'Missing "code_challenge"';
  if (!codeVerifierMatchesFormat(codeChallenge)) return 'Invalid "code_challenge"';
  if (codeChallengeMethod !== undefined && !isCodeChallengeMethod(codeChallengeMethod))
    return 'Unsupported "code_challenge_method"';
  return null;
}

/**
 * A public client has no secret, so PKCE is what binds the code to it: required, with `S256`
 * (RFC 9700 §2.1.1; `plain` would show the verifier to whoever sees the request).
 */
function publicClientPkceProblem(client: OAuth2Client, params: AuthorizationParams): string | null {
  if (!isPublicClient(client)) return null;
  if (params.codeChallenge === undefined)
    return 'Missing "code_challenge": public clients must use PKCE with code_challenge_method S256';
  if (params.codeChallengeMethod !== 'S256')
    return 'Public clients must use PKCE with code_challenge_method S256';
  return null;
}

/**
 * Granted only when the `confirm` field, lower-cased, is `true` (FitTrackee
 * `POST /api/oauth/authorize`).
 */
function isConfirmed(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}
