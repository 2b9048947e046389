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

/** Whether the URI uses a private-use scheme (RFC 8252 §7.1), which only native apps receive. */
export function isPrivateUseRedirectUri(uri: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  return scheme !== undefined && PRIVATE_USE_SCHEME.test(scheme);
}

/**
 * The loopback IP literals whose port is not compared (RFC 8252 §7.3). `localhost` is left out
 * on purpose: RFC 8252 §8.3 advises against it (it may resolve elsewhere or be firewalled), so a
 * `http://localhost` redirect URI is compared exactly, port included (docs/oauth2.md#native-apps).
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** The URI without its port when it is an http loopback IP literal, else undefined. */
function loopbackWithoutPort(uri: string): string | undefined {
  if (!/^http:\/\//i.test(uri)) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '')
    return undefined;
  const authority = /^http:\/\/([^/?#]*)/i.exec(uri)?.[1] ?? '';
  const host = authority.replace(/:\d*$/, '').toLowerCase();
  return `http://${host}${uri.slice(`http://${authority}`.length)}`;
}

/**
 * Whether a redirect URI sent to the authorization endpoint is one of the client's: compared
 * exactly (RFC 6749 §3.1.2.3, RFC 9700 §4.1.3), except that the port of an http loopback IP
 * literal may be any (RFC 8252 §7.3), since a native app listens on whichever port is free.
 */
export function isRegisteredRedirectUri(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const loopback = loopbackWithoutPort(requested);
  return loopback !== undefined && registered.some((uri) => loopbackWithoutPort(uri) === loopback);
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
