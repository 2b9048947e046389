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
   * The route serializes its caller: the authentication query reads the caller's summary too
   * (FitTrackee `GET /api/auth/profile` in one round trip).
   */
  isReadingOwnSummary: boolean;
}

export type AccessRule = { kind: 'public' } | ScopedAccess;
