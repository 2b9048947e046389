/** The OAuth2 scope vocabulary (docs/oauth2.md#scopes). No scope string appears anywhere else. */
export const SCOPE = {
  APPLICATION_WRITE: 'application:write',
  PROFILE_READ: 'profile:read',
  PROFILE_WRITE: 'profile:write',
  USERS_READ: 'users:read',
  USERS_WRITE: 'users:write',
  WORKOUTS_READ: 'workouts:read',
  WORKOUTS_WRITE: 'workouts:write',
} as const;

export type Scope = (typeof SCOPE)[keyof typeof SCOPE];

export const ALL_SCOPES: readonly Scope[] = Object.values(SCOPE);

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

/** Splits a space-separated scope string, keeping only known scopes, in vocabulary order. */
export function parseScopes(value: string | null | undefined): Scope[] {
  const requested = new Set((value ?? '').split(/\s+/).filter((s) => s !== ''));
  return ALL_SCOPES.filter((scope) => requested.has(scope));
}
