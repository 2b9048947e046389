import type { Scope } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import type { OwnSummary, UserSummarySql } from 'src/users/user-workout-summary';

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
  /** The user's own summary, read with the token when the route asked for it. */
  ownSummary?: OwnSummary;
}

export interface RequestWithPrincipal {
  principal?: Principal;
  /**
   * Set by the guard before authentication on a route that serializes its caller
   * (`@Scopes(…, { ownSummary: true })`): the strategies read it in the same query.
   */
  ownSummarySql?: UserSummarySql;
}
