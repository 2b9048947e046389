import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The consent page's browser session: a signed cookie, no server-side store. */
export interface ConsentSession {
  /** The signed-in user, null before the login form succeeded. */
  userId: number | null;
  /** Anti-CSRF token embedded in every form (synchronizer token bound to this cookie). */
  csrf: string;
  /** Unix seconds. */
  expiresAt: number;
}

export const CONSENT_COOKIE = 'pacekeeper_consent';
export const CONSENT_COOKIE_PATH = '/profile/apps';
const LIFETIME_SECONDS = 3600;

export function newConsentSession(userId: number | null): ConsentSession {
  return {
    userId,
    csrf: randomBytes(24).toString('base64url'),
    expiresAt: Math.floor(Date.now() / 1000) + LIFETIME_SECONDS,
  };
}

/** Signs and reads sessions with an HMAC key derived from APP_SECRET_KEY. */
export class ConsentSessionCodec {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = createHmac('sha256', secretKey).update('pacekeeper consent session').digest();
  }

  encode(session: ConsentSession): string {
    const payload = Buffer.from(
      JSON.stringify({ u: session.userId, c: session.csrf, e: session.expiresAt }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(value: string | undefined): ConsentSession | null {
    const [payload, signature, extra] = (value ?? '').split('.');
    if (payload === undefined || signature === undefined || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      return toSession(data);
    } catch {
      return null;
    }
  }

  /** Set-Cookie value: HttpOnly, SameSite=Lax, Secure behind https. */
  cookie(session: ConsentSession, isSecure: boolean): string {
    const attributes = [
      `${CONSENT_COOKIE}=${this.encode(session)}`,
      `Path=${CONSENT_COOKIE_PATH}`,
      `Max-Age=${LIFETIME_SECONDS}`,
      'HttpOnly',
      'SameSite=Lax',
    ];
    if (isSecure) attributes.push('Secure');
    return attributes.join('; ');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

function toSession(data: unknown): ConsentSession | null {
  if (typeof data !== 'object' || data === null) return null;
  const { u, c, e } = data as Record<string, unknown>;
  if (typeof c !== 'string' || typeof e !== 'number') return null;
  if (u !== null && typeof u !== 'number') return null;
  if (e < Math.floor(Date.now() / 1000)) return null;
  return { userId: u, csrf: c, expiresAt: e };
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison of the form's CSRF token with the session's. */
export function isSameCsrf(session: ConsentSession, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
