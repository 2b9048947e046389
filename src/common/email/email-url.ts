/** SMTP settings parsed from FitTrackee's EMAIL_URL (docs/compatibility.md#environment). */
export interface SmtpSettings {
  host: string;
  port: number;
  username: string | undefined;
  password: string | undefined;
  /** `?ssl=True`: implicit TLS from the first byte (usually port 465). */
  useSsl: boolean;
  /** `?tls=True`: STARTTLS after the greeting (usually port 587). */
  useTls: boolean;
}

function isTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() === 'true';
}

function decoded(value: string): string | undefined {
  return value === '' ? undefined : decodeURIComponent(value);
}

/**
 * `smtp://user:pass@host:port/?tls=True|ssl=True`: credentials optional (the password may be
 * URL-encoded), port 25 by default, scheme `smtp` only.
 */
export function parseEmailUrl(emailUrl: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(emailUrl);
  } catch {
    throw new Error('EMAIL_URL is not a valid URL');
  }
  if (url.protocol !== 'smtp:') throw new Error('EMAIL_URL scheme must be smtp');
  if (url.hostname === '') throw new Error('EMAIL_URL has no host');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 25 : Number(url.port),
    username: decoded(url.username),
    password: decoded(url.password),
    useSsl: isTrue(url.searchParams.get('ssl')),
    useTls: isTrue(url.searchParams.get('tls')),
  };
}
