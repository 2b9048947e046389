import type { Request } from 'express';
import passport from 'passport';
import type { Principal } from 'src/auth/principal';

/** The actions a passport strategy ends its `authenticate` with (passport's Strategy API). */
interface StrategyActions {
  success(user: unknown): void;
  fail(): void;
  error(error: unknown): void;
  pass(): void;
  redirect(): void;
}

interface RegisteredStrategy {
  authenticate(this: StrategyActions, request: Request, options: object): void;
}

const OPTIONS = Object.freeze({ session: false });

function registered(name: string): RegisteredStrategy | undefined {
  // passport keeps strategies in `_strategies` (stable since 0.1); the public API has no lookup.
  const registry = (passport as unknown as { _strategies?: Record<string, RegisteredStrategy> })
    ._strategies;
  return registry?.[name];
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
 *
 * It does what `passport.authenticate(name, { session: false }, callback)` does for one
 * strategy, without building that middleware and its closures on every request nor decorating
 * the request with session helpers (`req.login`, `req.isAuthenticated`…) that a bearer token
 * never uses: an object inheriting from the registered strategy receives the actions, as in
 * passport, so concurrent requests never share them.
 */
export function runStrategy(name: string, request: Request): Promise<Principal | undefined> {
  const strategy = registered(name);
  if (strategy === undefined) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const attempt = Object.create(strategy) as RegisteredStrategy & StrategyActions;
    attempt.success = (user) => {
      resolve(isPrincipal(user) ? user : undefined);
    };
    attempt.fail = () => {
      resolve(undefined);
    };
    attempt.error = (error) => {
      reject(asError(error, 'passport strategy error'));
    };
    attempt.pass = () => {
      reject(new Error('passport strategy failed'));
    };
    attempt.redirect = () => {
      reject(new Error('passport strategy failed'));
    };
    attempt.authenticate(request, OPTIONS);
  });
}
