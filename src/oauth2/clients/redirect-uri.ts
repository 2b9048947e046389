const FORBIDDEN_SCHEMES = new Set(['javascript', 'data', 'file', 'vbscript', 'blob', 'about']);

/** RFC 8252 §7.1: a private-use scheme is a reverse domain name, so it contains a period. */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+$/;

/**
 * Why a redirect URI is refused, or null when it is acceptable: an absolute URL without a
 * fragment (RFC 6749 §3.1.2), scheme http/https or a private-use scheme for native apps
 * (RFC 8252 §7.1), never a scheme that runs or reads content in the browser.
 */
export function redirectUriProblem(uri: string): string | null {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'must be an absolute URL';
  if (FORBIDDEN_SCHEMES.has(scheme)) return `the "${scheme}:" scheme is not allowed`;
  if (scheme !== 'http' && scheme !== 'https' && !PRIVATE_USE_SCHEME.test(scheme))
    return 'the scheme must be http, https or a private-use scheme such as com.example.app';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URL';
  }
  if (uri.includes('#')) return 'must not contain a fragment';
  if ((scheme === 'http' || scheme === 'https') && url.hostname === '')
    return 'must be an absolute URL';
  if (/\s/.test(uri)) return 'must not contain spaces';
  return null;
}

/**
 * Appends query parameters after `?` or `&` (FitTrackee `POST /api/oauth/authorize`), keeping the
 * URI as registered.
 */
export function withQuery(
  uri: string,
  params: Readonly<Record<string, string | undefined>>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.append(key, value);
  const text = query.toString();
  if (text === '') return uri;
  return `${uri}${uri.includes('?') ? '&' : '?'}${text}`;
}
