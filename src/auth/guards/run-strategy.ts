import type { Request, Response } from 'express';
import passport from 'passport';
import type { Principal } from 'src/auth/principal';

function isRegistered(name: string): boolean {
  // passport keeps strategies in `_strategies` (stable since 0.1); the public API has no lookup.
  const registry = (passport as unknown as { _strategies?: Record<string, unknown> })._strategies;
  return registry?.[name] !== undefined;
}

function isPrincipal(value: unknown): value is Principal {
  return typeof value === 'object' && value !== null && 'user' in value && 'kind' in value;
}

/** The original error stays the cause, so that the error filter can still classify it. */
function asError(error: unknown, message: string): Error {
  return error instanceof Error ? error : new Error(message, { cause: error });
}

/**
 * Runs one registered passport strategy and resolves with its principal, or `undefined` when
 * the strategy is absent or does not recognise the token. Errors thrown by the strategy's
 * `validate` (e.g. InvalidTokenError) propagate.
 */
export function runStrategy(
  name: string,
  request: Request,
  response: Response,
): Promise<Principal | undefined> {
  if (!isRegistered(name)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const middleware = passport.authenticate(
      name,
      { session: false },
      (error: unknown, user: unknown) => {
        if (error) {
          reject(asError(error, 'passport strategy error'));
          return;
        }
        resolve(isPrincipal(user) ? user : undefined);
      },
    ) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
    middleware(request, response, (error?: unknown) => {
      reject(asError(error, 'passport strategy failed'));
    });
  });
}
