/**
 * RFC 6749 §5.2 / RFC 6750 §3.1 error bodies: `{error, error_description}` with no `status`
 * key. Used by the OAuth2 endpoints and by resource protection
 * (docs/oauth2.md#resource-protection).
 */
export class OAuth2Error extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
    readonly httpStatus: number,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description ?? error);
    this.name = new.target.name;
  }

  toBody(): Record<string, string> {
    return this.description === undefined
      ? { error: this.error }
      : { error: this.error, error_description: this.description };
  }
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export const INVALID_TOKEN_DESCRIPTION =
  'The access token provided is expired, revoked, malformed, or invalid for other reasons.';

export const INSUFFICIENT_SCOPE_DESCRIPTION =
  'The request requires higher privileges than provided by the access token.';

/**
 * 401 invalid_token with the WWW-Authenticate header (RFC 6750 §3, docs/compatibility.md#errors).
 */
export class InvalidTokenError extends OAuth2Error {
  constructor() {
    super('invalid_token', INVALID_TOKEN_DESCRIPTION, 401, {
      ...NO_STORE,
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${INVALID_TOKEN_DESCRIPTION}"`,
    });
  }
}

/**
 * 403 insufficient_scope (RFC 6750 §3.1), checked before the admin check
 * (docs/oauth2.md#resource-protection).
 */
export class InsufficientScopeError extends OAuth2Error {
  constructor() {
    super('insufficient_scope', INSUFFICIENT_SCOPE_DESCRIPTION, 403, NO_STORE);
  }
}

/**
 * 401 unsupported_token_type: an Authorization scheme other than Bearer
 * (docs/oauth2.md#resource-protection step 4).
 */
export class UnsupportedTokenTypeError extends OAuth2Error {
  constructor() {
    super('unsupported_token_type', undefined, 401, NO_STORE);
  }
}
