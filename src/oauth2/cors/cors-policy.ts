import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isCorsPath } from 'src/common/http/cors-paths';
import { IDEMPOTENCY_HEADER } from 'src/common/idempotency/idempotency-request';
import { CorsOriginsService } from 'src/oauth2/cors/cors-origins.service';

/** What a browser app may send and read (Fetch standard, CORS protocol). */
export const CORS_ALLOWED_METHODS = 'GET, POST, PATCH, DELETE';
export const CORS_ALLOWED_HEADERS = `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}`;
export const CORS_EXPOSED_HEADERS =
  'Content-Disposition, Retry-After, WWW-Authenticate, X-RateLimit-Limit, ' +
  'X-RateLimit-Remaining, X-RateLimit-Reset, X-Request-Id';
/** Seconds a browser may reuse a preflight answer; short, so a removed origin ends soon. */
export const CORS_MAX_AGE = '600';

/**
 * CORS for browser apps (docs/oauth2.md#cors), as Express middleware ahead of routing: an
 * allowed origin gets `Access-Control-Allow-Origin` on the paths of isCorsPath, and a preflight
 * there is answered 204 whatever the origin (with the CORS headers only for an allowed one).
 * Requests carry bearer tokens, never cookies, so `Access-Control-Allow-Credentials` is never
 * sent.
 */
@Injectable()
export class CorsPolicy {
  constructor(private readonly origins: CorsOriginsService) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    if (!isCorsPath(request.path)) {
      next();
      return;
    }
    // The answer depends on the Origin header, for caches too (Fetch standard §3.2.5). Nothing
    // has set Vary yet on most requests: then no need to parse and merge it.
    if (response.getHeader('Vary') === undefined) response.setHeader('Vary', 'Origin');
    else response.vary('Origin');
    const isPreflight = request.method === 'OPTIONS';
    const origin = request.headers.origin;
    const finish = (): void => {
      if (isPreflight) response.status(204).end();
      else next();
    };
    if (origin === undefined) {
      finish();
      return;
    }
    void this.origins.isAllowed(origin).then((isAllowed) => {
      if (isAllowed) allow(response, origin, isPreflight);
      finish();
    });
  };
}

function allow(response: Response, origin: string, isPreflight: boolean): void {
  response.setHeader('Access-Control-Allow-Origin', origin);
  if (!isPreflight) {
    response.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    return;
  }
  response.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
  response.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
  response.setHeader('Access-Control-Max-Age', CORS_MAX_AGE);
}
