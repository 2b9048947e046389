import { createHash, randomBytes } from 'node:crypto';

/** Hex SHA-256: what the database keeps instead of a token (blacklist, confirmation tokens). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** FitTrackee's `secrets.token_urlsafe(30)`: 30 random bytes, 40 URL-safe characters (spec auth.md §1). */
export function generateConfirmationToken(): string {
  return randomBytes(30).toString('base64url');
}
