import { randomInt } from 'node:crypto';

/**
 * RFC 8628 §6.1: consonants only, upper case, so a code is easy to read and type, cannot spell
 * words and survives case changes; 20^8 values (about 34 bits), enough against guessing with
 * the entry limits and the code's short lifetime.
 */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const LENGTH = 8;
const NORMALIZED = new RegExp(`^[${USER_CODE_ALPHABET}]{${String(LENGTH)}}$`);

/** A new user code as shown to the user: `XXXX-XXXX`. */
export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1)
    code += USER_CODE_ALPHABET.charAt(randomInt(USER_CODE_ALPHABET.length));
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What the user typed, in the form that is hashed: case, spaces and dashes ignored (RFC 8628
 * §6.1); null when it cannot be a user code, so it is refused without a lookup.
 */
export function normalizeUserCode(typed: unknown): string | null {
  if (typeof typed !== 'string' || typed.length > 32) return null;
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return NORMALIZED.test(code) ? code : null;
}

/** `XXXXXXXX` → `XXXX-XXXX`, the form the user saw on the device. */
export function formatUserCode(normalized: string): string {
  return `${normalized.slice(0, 4)}-${normalized.slice(4)}`;
}
