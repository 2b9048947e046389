import { createHash, randomBytes } from 'node:crypto';

/** Python's `secrets.token_urlsafe(n)`: n random bytes, base64url without padding. */
export function tokenUrlSafe(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Confirmation tokens (account and email-change) are emailed in clear and stored as their
 * SHA-256 hex digest (see `User.confirmationToken`), so a database leak does not leak them.
 */
export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new confirmation token: 30 random bytes → 40 URL-safe characters (spec auth.md §1). */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = tokenUrlSafe(30);
  return { token, hash: hashConfirmationToken(token) };
}
