/** Variables whose whole value is a secret. */
const SECRET_VARIABLES = new Set([
  'APP_SECRET_KEY',
  'WEATHER_API_KEY',
  'S3_SECRET_ACCESS_KEY',
  'METRICS_TOKEN',
]);

const MAX_SHOWN = 200;

/**
 * A setting's value as it may appear in a log line: secrets replaced, the password of a URL
 * (DATABASE_URL, REDIS_URL, EMAIL_URL) replaced by `***`, long values cut.
 */
export function redactValue(variable: string, value: string): string {
  if (SECRET_VARIABLES.has(variable)) return '[redacted]';
  const shown = redactUrlPassword(value);
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}

/** `postgresql://user:secret@host/db` → `postgresql://user:***@host/db`, also when unparsable. */
export function redactUrlPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}
