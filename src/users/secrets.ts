import { createHash, randomBytes } from 'node:crypto';

/** Python's `secrets.token_urlsafe(n)`: n random bytes, base64url without padding. */
export function tokenUrlSafe(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Hex SHA-256: what the database keeps instead of a token (confirmation tokens, blacklisted
 * JWTs), so a database leak does not leak them.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new confirmation token: 30 random bytes → 40 URL-safe characters (FitTrackee user model). */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = tokenUrlSafe(30);
  return { token, hash: hashToken(token) };
}
