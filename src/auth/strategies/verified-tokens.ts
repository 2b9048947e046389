import { createSecretKey, type KeyObject } from 'node:crypto';

import { verify } from 'jsonwebtoken';
import { hashToken } from 'src/users/secrets';

/** What a first-party token says once its signature is checked. */
export interface VerifiedToken {
  /** The token itself. */
  readonly token: string;
  /** The `sub` claim: the id of the user the token was issued to. */
  readonly userId: number;
  /** The token's digest, as the logout blacklist stores it. */
  readonly tokenHash: string;
  /** The `exp` claim, in seconds since the epoch; a token without one does not expire. */
  readonly expiresAt: number | undefined;
  /** The `nbf` claim, in seconds since the epoch, if any. */
  readonly notBefore: number | undefined;
}

/** How many verified tokens a process keeps: about 250 bytes each. */
const DEFAULT_LIMIT = 10_000;

function userIdOf(sub: unknown): number | null {
  const id = typeof sub === 'number' ? sub : Number(sub);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * First-party tokens (HS256 JWTs signed with APP_SECRET_KEY, docs/compatibility.md#auth-tokens),
 * each verified once per process. Whether a token's signature matches a key never changes, so
 * a verified token is remembered and only its times are checked again on the next request, as
 * jsonwebtoken checks them (expired once the current second reaches `exp`, RFC 7519 §4.1.4;
 * not yet valid before `nbf`, §4.1.5). A
 * signature check and two JSON parses cost about 40 µs of a request's CPU; a lookup, well under
 * one. Logout, deactivation and deletion are not decided here: the authentication query of every
 * request decides them, so they still apply at once.
 *
 * Only tokens this server signed get in, at most `limit` of them, the oldest leaving first; a
 * forged or expired token is verified (and refused) every time.
 */
export class VerifiedTokens {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    secret: string,
    private readonly limit = DEFAULT_LIMIT,
    // Read at each call, not captured: a test's fake clock then applies too.
    private readonly now: () => number = () => Date.now(),
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to read
    // it as a public key on every verification, about 0.8 ms each.
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The token's claims if its signature is ours and it has not expired, else null. */
  check(token: string): VerifiedToken | null {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (this.isLive(known)) return known;
      this.verified.delete(token);
      return null;
    }
    const found = this.verify(token);
    if (found !== null) this.remember(token, found);
    return found;
  }

  private verify(token: string): VerifiedToken | null {
    let payload: unknown;
    try {
      payload = verify(token, this.key, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.now() / 1000),
      });
    } catch {
      return null;
    }
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, exp, nbf } = payload as { sub?: unknown; exp?: unknown; nbf?: unknown };
    const userId = userIdOf(sub);
    if (userId === null) return null;
    return {
      token,
      userId,
      tokenHash: hashToken(token),
      expiresAt: typeof exp === 'number' ? exp : undefined,
      notBefore: typeof nbf === 'number' ? nbf : undefined,
    };
  }

  /** jsonwebtoken's time checks, to the second: the clock may also have gone back. */
  private isLive(token: VerifiedToken): boolean {
    const seconds = Math.floor(this.now() / 1000);
    return (
      (token.expiresAt === undefined || seconds < token.expiresAt) &&
      (token.notBefore === undefined || token.notBefore <= seconds)
    );
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.verified.size >= this.limit) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.verified.keys().next();
      if (oldest.done !== true) this.verified.delete(oldest.value);
    }
    this.verified.set(token, verified);
  }
}
