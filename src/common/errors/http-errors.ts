import { AppError } from 'src/common/errors/app-error';

/** 400 `invalid payload`, FitTrackee's InvalidPayloadErrorResponse. */
export class InvalidPayloadError extends AppError {
  constructor(message: string | string[] = 'invalid payload', status: 'error' | 'fail' = 'error') {
    super(400, status, { message });
  }
}

/**
 * 400 for a value that no column or parser can take (a NUL character, a string longer than its
 * column, an integer out of its column's range, absurd nesting); the message names the field.
 * The OAuth2 endpoints render it as RFC 6749 §5.2 `invalid_request`.
 */
export class InvalidInputError extends InvalidPayloadError {
  constructor(message: string) {
    super(message, 'error');
  }
}

/** 401 `provide a valid auth token` (docs/oauth2.md#resource-protection steps 1 and 5). */
export class UnauthorizedError extends AppError {
  constructor(message = 'provide a valid auth token') {
    super(401, 'error', { message });
  }
}

/** 403 `you do not have permissions` (docs/compatibility.md#errors). */
export class ForbiddenError extends AppError {
  constructor(message = 'you do not have permissions') {
    super(403, 'error', { message });
  }
}

/** 404 with a message, e.g. `user does not exist`. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not found', { message });
  }
}

/**
 * 404 "data not found" variant: `{"status":"not found","data":{"<type>":[]}}`; for `gpx` and
 * `chart_data` the empty value is `""` (docs/compatibility.md#errors).
 */
export class DataNotFoundError extends AppError {
  constructor(type: string, message?: string) {
    const empty = type === 'gpx' || type === 'chart_data' ? '' : [];
    super(
      404,
      'not found',
      message === undefined ? { data: { [type]: empty } } : { data: { [type]: empty }, message },
    );
  }
}

/** 500 with FitTrackee's default text unless an endpoint documents another one. */
export class InternalError extends AppError {
  constructor(
    message = 'error, please try again or contact the administrator',
    status: 'error' | 'fail' = 'error',
  ) {
    super(500, status, { message });
  }
}

/**
 * 429 `rate limit exceeded (<limit>)`, FitTrackee's Flask-Limiter answer; with `Retry-After`
 * (RFC 9110 §10.2.3) when the wait is known.
 */
export class RateLimitError extends AppError {
  constructor(
    readonly limit: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(
      429,
      'error',
      { message: `rate limit exceeded (${limit})` },
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}
