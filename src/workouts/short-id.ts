/** shortuuid 1.0.12 defaults (docs/compatibility.md#ids). */
export const SHORT_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE = BigInt(SHORT_ID_ALPHABET.length);
const LENGTH = 22;
const MAX_UUID = (1n << 128n) - 1n;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const RADIX = SHORT_ID_ALPHABET.length;
const LIMB = 2 ** 32;

/** `remainder × 2³² + limb` divided by 57: every value stays below 57 × 2³², exact in a double. */
function divide(remainder: number, limb: number): [quotient: number, remainder: number] {
  const current = remainder * LIMB + limb;
  const quotient = Math.floor(current / RADIX);
  return [quotient, current - quotient * RADIX];
}

/**
 * The UUID as base 57, most significant digit first, left-padded with `2` to 22 characters
 * (57²² > 2¹²⁸, so 22 digits always suffice). Long division over four 32-bit limbs in plain
 * numbers: a list page encodes dozens of ids, and BigInt arithmetic costs several times more.
 */
export function encodeShortId(uuid: string): string {
  if (!UUID_PATTERN.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  let a = parseInt(uuid.slice(0, 8), 16);
  let b = parseInt(uuid.slice(9, 13) + uuid.slice(14, 18), 16);
  let c = parseInt(uuid.slice(19, 23) + uuid.slice(24, 28), 16);
  let d = parseInt(uuid.slice(28, 36), 16);
  let digits = '';
  for (let position = 0; position < LENGTH; position++) {
    let remainder: number;
    [a, remainder] = divide(0, a);
    [b, remainder] = divide(remainder, b);
    [c, remainder] = divide(remainder, c);
    [d, remainder] = divide(remainder, d);
    digits = `${SHORT_ID_ALPHABET[remainder] ?? ''}${digits}`;
  }
  return digits;
}

/**
 * The UUID of a short id, or null when it cannot name a workout: a character outside the
 * alphabet or a value beyond 128 bits (the reference crashes with 500 there; we answer 404).
 */
export function decodeShortId(shortId: string): string | null {
  // Leading `2`s are zero digits, as in the reference; the cap only bounds the work.
  if (shortId.length === 0 || shortId.length > 64) return null;
  let value = 0n;
  for (const char of shortId) {
    const digit = SHORT_ID_ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * BASE + BigInt(digit);
  }
  if (value > MAX_UUID) return null;
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
