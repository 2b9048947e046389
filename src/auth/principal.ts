import { parseScopes, type Scope } from 'src/auth/scopes';
import { InvalidTokenError } from 'src/common/errors/oauth2-error';
import type { CallerRead, CallerReadToken } from 'src/database/caller-read';
import type { User } from 'src/users/user.entity';

/**
 * Who is calling: a first-party token (from /api/auth/login) carries every scope; an OAuth2
 * access token or a personal access token carries only its granted scopes
 * (docs/compatibility.md#auth-tokens, docs/oauth2.md#personal-access-tokens). Every kind but
 * `first-party` is a scoped token and is treated alike.
 */
export interface Principal {
  user: User;
  scopes: readonly Scope[];
  kind: 'first-party' | 'oauth2' | 'personal-access-token';
  /** The raw bearer token, needed by logout to blacklist it (docs/compatibility.md#auth-tokens). */
  token: string;
  /** What the route reads about its caller, read with the token (`readWithToken`). */
  read?: { token: symbol; value: unknown };
}

export interface RequestWithPrincipal {
  principal?: Principal;
  /**
   * Set by the guard before authentication on a route that reads about its caller
   * (`@Scopes(…, { readWithToken })`): the strategies read it in the same query.
   */
  callerRead?: { token: symbol; read: CallerRead<unknown> };
}

/** The principal of a strategy's lookup, with the value of the request's caller read, if any. */
export function withCallerRead(
  request: RequestWithPrincipal,
  principal: Principal,
  value: unknown,
): Principal {
  if (request.callerRead !== undefined) principal.read = { token: request.callerRead.token, value };
  return principal;
}

/** What the lookup of a scoped token (OAuth2 access token, personal access token) found. */
export interface FoundScopedToken {
  user: User;
  /** Granted scopes, space-separated; null when none. */
  scope: string | null;
  /** The value of the request's caller read, if it asked for one. */
  read: unknown;
}

/**
 * The principal of a scoped token, or invalid_token when its lookup found nothing usable
 * (docs/oauth2.md#resource-protection step 4); its scopes are checked afterwards by the
 * ScopesGuard.
 */
export function scopedPrincipal(
  request: RequestWithPrincipal,
  kind: 'oauth2' | 'personal-access-token',
  token: string,
  found: FoundScopedToken | null,
): Principal {
  if (found === null) throw new InvalidTokenError();
  const principal: Principal = { user: found.user, scopes: parseScopes(found.scope), kind, token };
  return withCallerRead(request, principal, found.read);
}

/**
 * What the route declared with `@Scopes(…, { readWithToken: token })`, read with the token;
 * undefined when nothing provides that read (the route then reads it itself).
 */
export function readWithToken<T>(principal: Principal, token: CallerReadToken<T>): T | undefined {
  // The guard pairs each value with the token whose provider produced it.
  return principal.read?.token === token ? (principal.read.value as T) : undefined;
}

/**
 * `readWithToken` on a route whose own module provides the read, so that it is always there;
 * its absence is a wiring mistake, not a request to answer.
 */
export function ownReadWithToken<T>(principal: Principal, token: CallerReadToken<T>): T {
  const value = readWithToken(principal, token);
  if (value === undefined)
    throw new Error(
      `no caller read ${token.description ?? ''}: is it provided by the route's module?`,
    );
  return value;
}
