import { crc32 } from 'node:zlib';

import { randomAlphanumeric } from 'src/oauth2/tokens/secrets';

/**
 * `pk_pat_` + 32 random alphanumerics + a 6-character checksum (docs/oauth2.md#personal-access-tokens).
 * The fixed prefix lets secret scanners find a leaked token; the checksum (CRC-32 of the random
 * part, base 62) lets them, and the server, tell a real token from a look-alike without a
 * database lookup.
 */
export const PERSONAL_ACCESS_TOKEN_PREFIX = 'pk_pat_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const PERSONAL_ACCESS_TOKEN_LENGTH =
  PERSONAL_ACCESS_TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = new RegExp(
  `^${PERSONAL_ACCESS_TOKEN_PREFIX}([A-Za-z0-9]{${RANDOM_LENGTH}})([A-Za-z0-9]{${CHECKSUM_LENGTH}})$`,
);

/** CRC-32 of `random` in base 62, left-padded with `0` (62^6 > 2^32, so it always fits). */
export function checksumOf(random: string): string {
  let value = crc32(random);
  let digits = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i += 1) {
    digits = BASE62.charAt(value % 62) + digits;
    value = Math.floor(value / 62);
  }
  return digits;
}

export function generatePersonalAccessToken(): string {
  const random = randomAlphanumeric(RANDOM_LENGTH);
  return `${PERSONAL_ACCESS_TOKEN_PREFIX}${random}${checksumOf(random)}`;
}

/** Whether the bearer token claims to be a personal access token (it may still be malformed). */
export function hasPersonalAccessTokenPrefix(token: string): boolean {
  return token.startsWith(PERSONAL_ACCESS_TOKEN_PREFIX);
}

/** Prefix, length, alphabet and checksum all right; says nothing of whether the token exists. */
export function isWellFormedPersonalAccessToken(token: string): boolean {
  const match = SHAPE.exec(token);
  return match !== null && checksumOf(match[1] ?? '') === match[2];
}
