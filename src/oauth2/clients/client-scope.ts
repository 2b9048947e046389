import { isScope } from 'src/auth/scopes';

/**
 * Client scope at creation (docs/oauth2.md#scopes): unknown tokens are dropped silently, order and
 * duplicates kept, re-joined with single spaces; null when nothing valid remains.
 */
export function filterClientScope(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const kept = value.split(/\s+/).filter((token) => token !== '' && isScope(token));
  return kept.length === 0 ? null : kept.join(' ');
}

/**
 * Scope granted with a code: the requested scopes the client is allowed, in requested order
 * (Authlib `get_allowed_scope`, FitTrackee `POST /api/oauth/token`); empty when nothing remains.
 */
export function allowedScopes(requested: readonly string[], clientScope: string): string[] {
  const allowed = new Set(clientScope.split(/\s+/));
  return requested.filter((scope) => allowed.has(scope));
}
