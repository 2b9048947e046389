import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The consent page's browser session: a signed cookie, no server-side store. */
export interface ConsentSession {
  /** The signed-in user, null before the login form succeeded. */
  userId: number | null;
  /** Random id binding the form tokens to this cookie (synchronizer tokens). */
  id: string;
  /** Fingerprint of the user's password hash at sign-in: a password change ends the session. */
  passwordStamp: string | null;
  /** Unix seconds. */
  expiresAt: number;
}

/** A form token read back: its nonce is accepted once (UsedFormTokensService). */
export interface FormToken {
  nonce: string;
  expiresAt: number;
}

export const CONSENT_COOKIE = 'pacekeeper_consent';
export const CONSENT_COOKIE_PATH = '/profile/apps';
const LIFETIME_SECONDS = 3600;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function newConsentSession(
  userId: number | null,
  passwordStamp: string | null = null,
): ConsentSession {
  return {
    userId,
    id: randomBytes(18).toString('base64url'),
    passwordStamp,
    expiresAt: nowSeconds() + LIFETIME_SECONDS,
  };
}

/** Signs and reads sessions and form tokens with an HMAC key derived from APP_SECRET_KEY. */
export class ConsentSessionCodec {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = createHmac('sha256', secretKey).update('pacekeeper consent session').digest();
  }

  encode(session: ConsentSession): string {
    const { userId: u, id: i, passwordStamp: p, expiresAt: e } = session;
    const payload = Buffer.from(JSON.stringify({ u, i, p, e })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(value: string | undefined): ConsentSession | null {
    const [payload, signature, extra] = (value ?? '').split('.');
    if (payload === undefined || signature === undefined || extra !== undefined) return null;
    if (!isSame(this.sign(payload), signature)) return null;
    try {
      return toSession(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown);
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

  passwordStamp(passwordHash: string): string {
    return this.sign(`password.${passwordHash}`).slice(0, 22);
  }

  /** A new token for one form of this session, valid as long as the session. */
  issueFormToken(session: ConsentSession): string {
    const nonce = randomBytes(18).toString('base64url');
    const expiresAt = String(session.expiresAt);
    return `${nonce}.${expiresAt}.${this.sign(`form.${session.id}.${nonce}.${expiresAt}`)}`;
  }

  /** The token if this session issued it and it has not expired (single use is checked apart). */
  readFormToken(session: ConsentSession, given: unknown): FormToken | null {
    if (typeof given !== 'string') return null;
    const [nonce, expiresAt, signature, extra] = given.split('.');
    if (nonce === undefined || expiresAt === undefined || signature === undefined) return null;
    if (extra !== undefined || !/^\d{1,12}$/.test(expiresAt)) return null;
    if (!isSame(this.sign(`form.${session.id}.${nonce}.${expiresAt}`), signature)) return null;
    const expiry = Number(expiresAt);
    return expiry < nowSeconds() ? null : { nonce, expiresAt: expiry };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** Constant-time comparison of two signatures. */
function isSame(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function toSession(data: unknown): ConsentSession | null {
  if (typeof data !== 'object' || data === null) return null;
  const { u, i, p, e } = data as Record<string, unknown>;
  if (typeof i !== 'string' || typeof e !== 'number') return null;
  if (u !== null && typeof u !== 'number') return null;
  if (p !== null && typeof p !== 'string') return null;
  if (e < nowSeconds()) return null;
  return { userId: u, id: i, passwordStamp: p, expiresAt: e };
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
