import type { NextFunction, Request, Response } from 'express';

/**
 * On every response, errors, files and documentation included: browsers must take the
 * Content-Type as sent, never guess (a JSON body or an uploaded file read as HTML would run).
 */
export function noSniff(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  next();
}

/**
 * Answers that depend on who asks (RFC 9111 §5.2.2.7 `private`): shared caches must not keep
 * them, and the browser's own cache revalidates each time (`no-cache`, RFC 9111 §5.2.2.4), so
 * the ETag of JSON answers still saves the body with a 304. Routes whose answer must never be
 * stored at all (tokens, data archives) set `no-store` themselves.
 */
export function markPrivate(response: Response): void {
  response.setHeader('Cache-Control', 'private, no-cache');
}
