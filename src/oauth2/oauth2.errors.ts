import { OAuth2Error } from 'src/common/errors/oauth2-error';

/** Token and revocation responses, errors included, must not be cached (RFC 6749 §5.1). */
export const NO_STORE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** RFC 6749 §5.2 `invalid_request`: a parameter is missing or malformed. */
export class InvalidRequestError extends OAuth2Error {
  constructor(description?: string) {
    super('invalid_request', description, 400, NO_STORE_HEADERS);
  }
}

/**
 * RFC 6749 §5.2 `invalid_client`: unknown client, wrong secret, or an unsupported auth method.
 * 400 at the token and revocation endpoints (FitTrackee); 401 at introspection (RFC 7662 §2.3).
 */
export class InvalidClientError extends OAuth2Error {
  constructor(description?: string, httpStatus: 400 | 401 = 400) {
    super('invalid_client', description, httpStatus, NO_STORE_HEADERS);
  }
}

/** RFC 6749 §5.2 `invalid_grant`: bad, expired, used or foreign code / refresh token. */
export class InvalidGrantError extends OAuth2Error {
  constructor(description?: string) {
    super('invalid_grant', description, 400, NO_STORE_HEADERS);
  }
}

/** RFC 6749 §5.2 `unsupported_grant_type` (checked first, FitTrackee `POST /api/oauth/token`). */
export class UnsupportedGrantTypeError extends OAuth2Error {
  constructor() {
    super('unsupported_grant_type', undefined, 400, NO_STORE_HEADERS);
  }
}

/**
 * RFC 6749 §5.2 `invalid_scope`, with Authlib's description (FitTrackee `POST /api/oauth/token`).
 */
export class InvalidScopeError extends OAuth2Error {
  constructor() {
    super(
      'invalid_scope',
      'The requested scope is invalid, unknown, or malformed.',
      400,
      NO_STORE_HEADERS,
    );
  }
}

/**
 * RFC 7009 §2.2.1 `unsupported_token_type` for a token_type_hint we do not know (401 as Authlib).
 */
export class UnsupportedTokenTypeHintError extends OAuth2Error {
  constructor() {
    super('unsupported_token_type', undefined, 401, NO_STORE_HEADERS);
  }
}

/**
 * Plain http on the OAuth2 endpoints (docs/oauth2.md#https): Authlib's `insecure_transport`,
 * answered as a clear 400 instead of the reference's 500.
 */
export class InsecureTransportError extends OAuth2Error {
  constructor() {
    super('insecure_transport', 'OAuth 2 MUST utilize https.', 400, NO_STORE_HEADERS);
  }
}

/**
 * Too many failed client authentications or grants from this address or for this client.
 * HTTP 429 with Retry-After (RFC 6585 §4) tells any HTTP client to back off; RFC 6749 §5.2
 * has no code for it and its list is closed, so the code is `invalid_request`. Never
 * `invalid_client` or `invalid_grant`: clients read those as "this grant is dead" and would
 * throw the user's refresh token away.
 */
export class TooManyAttemptsError extends OAuth2Error {
  constructor(limit: string, retryAfterSeconds: number) {
    super('invalid_request', `rate limit exceeded (${limit})`, 429, {
      ...NO_STORE_HEADERS,
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
