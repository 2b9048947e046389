/**
 * The parameters of an authorization request (FitTrackee `POST /api/oauth/authorize`, RFC 6749
 * §4.1.1, RFC 7636 §4.3).
 */
export interface AuthorizationParams {
  clientId?: string;
  responseType?: string;
  scope?: string;
  state?: string;
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

const FIELDS = {
  clientId: 'client_id',
  responseType: 'response_type',
  scope: 'scope',
  state: 'state',
  redirectUri: 'redirect_uri',
  codeChallenge: 'code_challenge',
  codeChallengeMethod: 'code_challenge_method',
} as const satisfies Record<keyof AuthorizationParams, string>;

/** Reads the wire names from a form, JSON body or query; non-string values count as absent. */
export function readAuthorizationParams(
  source: Readonly<Record<string, unknown>>,
): AuthorizationParams {
  const params: AuthorizationParams = {};
  for (const [key, wire] of Object.entries(FIELDS) as [keyof AuthorizationParams, string][]) {
    const value = source[wire];
    if (typeof value === 'string' && value !== '') params[key] = value;
  }
  return params;
}

/** Back to the wire names, e.g. to keep the request in the consent page's form action. */
export function toQueryString(params: AuthorizationParams): string {
  const query = new URLSearchParams();
  for (const [key, wire] of Object.entries(FIELDS) as [keyof AuthorizationParams, string][]) {
    const value = params[key];
    if (value !== undefined) query.append(wire, value);
  }
  return query.toString();
}

/**
 * A refused authorization request, with its RFC 6749 §4.1.2.1 error code. It is shown to the
 * user, never sent to the redirect URI: any user can register a client with any redirect URI,
 * so redirecting before the user signed in and chose would make this server an open
 * redirector (RFC 9700 §4.11.2).
 */
export class AuthorizationRequestError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = 'AuthorizationRequestError';
  }
}
