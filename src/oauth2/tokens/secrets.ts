import { randomInt, timingSafeEqual } from 'node:crypto';

import { hashToken } from 'src/users/secrets';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `length` characters from [A-Za-z0-9], drawn from the CSPRNG without modulo bias
 * (docs/oauth2.md#clients).
 */
export function randomAlphanumeric(length: number): string {
  let value = '';
  for (let i = 0; i < length; i += 1)
    value += ALPHANUMERICS.charAt(randomInt(ALPHANUMERICS.length));
  return value;
}

/**
 * Secrets (client secrets, codes, tokens) are stored as SHA-256 hex digests: they are long
 * random strings, so a fast unsalted hash is enough and lets us look them up by digest.
 */
export function hashSecret(secret: string): string {
  return hashToken(secret);
}

/** Compares a presented secret with a stored digest in constant time. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
