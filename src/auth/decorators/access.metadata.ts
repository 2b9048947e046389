import type { Scope } from 'src/auth/scopes';

export const ACCESS_KEY = 'pacekeeper:access';

export interface ScopedAccess {
  kind: 'scoped';
  scopes: readonly Scope[];
  /**
   * Admin-only endpoint: 403 `you do not have permissions` for others
   * (docs/oauth2.md#resource-protection step 6).
   */
  isAdminOnly: boolean;
  /**
   * Reserved to first-party tokens: OAuth2 tokens get 403 insufficient_scope
   * (docs/oauth2.md#first-party-only).
   */
  isFirstPartyOnly: boolean;
  /**
   * The token of what the route reads about its caller (src/database/caller-read.ts), read by
   * the authentication query itself.
   */
  callerRead: symbol | undefined;
}

export type AccessRule = { kind: 'public' } | ScopedAccess;
