import { OAuth2Error } from 'src/common/errors/oauth2-error';
import { NO_STORE_HEADERS } from 'src/oauth2/oauth2.errors';

/** RFC 8628 §3.5: the user has not approved or denied yet; poll again after `interval`. */
export class AuthorizationPendingError extends OAuth2Error {
  constructor() {
    super(
      'authorization_pending',
      'The user has not yet approved or denied the request.',
      400,
      NO_STORE_HEADERS,
    );
  }
}

/** RFC 8628 §3.5: polled before `interval` seconds passed; the interval grows by 5 seconds. */
export class SlowDownError extends OAuth2Error {
  constructor(interval: number) {
    super(
      'slow_down',
      `Polling too fast: wait ${String(interval)} seconds between requests.`,
      400,
      NO_STORE_HEADERS,
    );
  }
}

/** RFC 8628 §3.5: the user denied the request. */
export class AccessDeniedError extends OAuth2Error {
  constructor() {
    super('access_denied', 'The user denied the authorization request.', 400, NO_STORE_HEADERS);
  }
}

/** RFC 8628 §3.5: the device code expired; the device may start a new request. */
export class ExpiredTokenError extends OAuth2Error {
  constructor() {
    super(
      'expired_token',
      'The device code has expired: start a new device authorization request.',
      400,
      NO_STORE_HEADERS,
    );
  }
}
