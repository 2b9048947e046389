import type { NextFunction, Request, Response } from 'express';

export type Middleware = (request: Request, response: Response, next: NextFunction) => void;

/**
 * Runs middleware in order as one Express layer: Express walks its layers on every request,
 * and each layer costs a path match and a few closures. A step that passes an error (or
 * throws) ends the chain with that error, as Express would.
 */
export function chain(...steps: Middleware[]): Middleware {
  return (request, response, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null && error !== false) {
        next(error);
        return;
      }
      const current = steps[index++];
      if (current === undefined) {
        next();
        return;
      }
      try {
        current(request, response, step);
      } catch (thrown: unknown) {
        next(thrown);
      }
    };
    step();
  };
}

/**
 * Whether the request has a body (RFC 9112 §6.3: `Transfer-Encoding` or `Content-Length`),
 * the same test as the body parsers' own.
 */
export function hasBody(request: Request): boolean {
  const headers = request.headers;
  return (
    headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(headers['content-length']))
  );
}

/**
 * The body parsers, run only for requests with a body: without one they would only set
 * `req.body` to undefined, after reading the headers twice each.
 */
export function whenBody(...parsers: Middleware[]): Middleware {
  const parse = chain(...parsers);
  return (request, response, next) => {
    if (hasBody(request)) {
      parse(request, response, next);
      return;
    }
    if (!('body' in request)) (request as { body?: unknown }).body = undefined;
    next();
  };
}
