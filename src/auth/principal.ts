import type { Scope } from 'src/auth/scopes';
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

/**
 * What the route declared with `@Scopes(…, { readWithToken: token })`, read with the token;
 * undefined when nothing provides that read (the route then reads it itself).
 */
export function readWithToken<T>(principal: Principal, token: CallerReadToken<T>): T | undefined {
  // The guard pairs each value with the token whose provider produced it.
  return principal.read?.token === token ? (principal.read.value as T) : undefined;
}
