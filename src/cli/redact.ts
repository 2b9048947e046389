import { redactUrlPassword } from 'src/config/redact';

export const REDACTED = '[redacted]';

/** Setting names whose value is a credential (APP_SECRET_KEY, WEATHER_API_KEY, METRICS_TOKEN…). */
const SECRET_NAME = /(secret|secretkey|secretaccesskey|apikey|password|token)$/i;

/**
 * A setting as `config show` prints it (`name` is its path, e.g. `app.secretKey`): credentials
 * hidden, URLs without their password, as the server's own log lines show them.
 */
export function redactValue(name: string, value: string): string {
  const setting = name.slice(name.lastIndexOf('.') + 1);
  if (SECRET_NAME.test(setting)) return REDACTED;
  return redactUrlPassword(value);
}

/** `host:port/database` of a connection URL, without the credentials (for health lines). */
export function describeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'an invalid URL';
  }
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
