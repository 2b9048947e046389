/** The OAuth2 endpoints a client calls itself, from a browser app too (RFC 6749 §3.2, RFC 7009, RFC 7662). */
const CLIENT_ENDPOINTS = new Set([
  '/api/oauth/token',
  '/api/oauth/revoke',
  '/api/oauth/introspect',
]);

/** RFC 8414 metadata, which browser OAuth2 libraries fetch to find the endpoints. */
const METADATA = '/.well-known/oauth-authorization-server';

/**
 * The profile routes an OAuth2 token reaches with `profile:read` or `profile:write`: resources
 * like the workouts, so a browser app may call them. Changing the account's email or password
 * (`/api/auth/profile/edit/account`, which takes the current password) stays same-origin.
 */
const PROFILE_RESOURCES = new Set([
  '/api/auth/profile',
  '/api/auth/profile/edit',
  '/api/auth/profile/edit/preferences',
  '/api/auth/picture',
]);
const SPORT_PREFERENCES_RESET = '/api/auth/profile/reset/sports/';

/**
 * First-party paths, kept same-origin: sign-in and the account, the consent flow and app
 * registration, the documentation.
 */
const SAME_ORIGIN_PREFIXES = ['/api/auth', '/api/oauth', '/api/docs'];

/**
 * Whether a browser app on another origin may call this path (docs/oauth2.md#cors): the OAuth2
 * endpoints of clients, the metadata, the profile resources, and every other `/api` route, which bearer tokens
 * authenticate. Decided on the path alone, before routing, so a route added under `/api` is
 * covered (or not) by where it lives; Express matches paths case-insensitively and with or
 * without a trailing slash, and so does this.
 */
export function isCorsPath(path: string): boolean {
  const normalized = path.toLowerCase().replace(/\/+$/, '');
  if (normalized === METADATA || CLIENT_ENDPOINTS.has(normalized)) return true;
  if (PROFILE_RESOURCES.has(normalized) || normalized.startsWith(SPORT_PREFERENCES_RESET))
    return true;
  if (!normalized.startsWith('/api/')) return false;
  return !SAME_ORIGIN_PREFIXES.some(
    (prefix) =>
      normalized === prefix ||
      normalized.startsWith(`${prefix}/`) ||
      (prefix === '/api/docs' && normalized.startsWith(prefix)),
  );
}
