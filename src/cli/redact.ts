export const REDACTED = '[redacted]';

/** Setting names whose value is a credential (APP_SECRET_KEY, WEATHER_API_KEY…). */
const SECRET_NAME = /(secret|secretkey|apikey|password)$/i;

/** A value as `config show` may print it: credentials hidden, URLs without their password. */
export function redactValue(name: string, value: string): string {
  const setting = name.slice(name.lastIndexOf('.') + 1);
  if (SECRET_NAME.test(setting)) return REDACTED;
  return redactUrl(value);
}

/** `postgresql://user:[redacted]@host/db`: who and where stay readable, the password does not. */
export function redactUrl(value: string): string {
  const url = parseUrl(value);
  if (url === undefined || url.password === '') return value;
  url.password = REDACTED;
  return url.toString().replace(encodeURIComponent(REDACTED), REDACTED);
}

/** `host:port/database` of a connection URL, without the credentials (for health lines). */
export function describeUrl(value: string): string {
  const url = parseUrl(value);
  if (url === undefined) return 'an invalid URL';
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
