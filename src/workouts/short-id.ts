/** shortuuid 1.0.12 defaults (docs/compatibility.md#ids). */
export const SHORT_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE = BigInt(SHORT_ID_ALPHABET.length);
const LENGTH = 22;
const MAX_UUID = (1n << 128n) - 1n;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const RADIX = SHORT_ID_ALPHABET.length;
/** Three base-57 digits per division step: 57³ × 2³² < 2⁵³, so every step is exact in a double. */
const RADIX_CUBED = RADIX ** 3;
const LIMB = 2 ** 32;

/**
 * The UUID as base 57, most significant digit first, left-padded with `2` to 22 characters
 * (57²² > 2¹²⁸). Long division by 57³ over four 32-bit limbs in plain numbers, eight steps of
 * three digits (the two extra leading digits are always zero): a list page encodes dozens of
 * ids, and BigInt arithmetic costs several times more.
 */
export function encodeShortId(uuid: string): string {
  if (!UUID_PATTERN.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  let a = parseInt(uuid.slice(0, 8), 16);
  let b = parseInt(uuid.slice(9, 13) + uuid.slice(14, 18), 16);
  let c = parseInt(uuid.slice(19, 23) + uuid.slice(24, 28), 16);
  let d = parseInt(uuid.slice(28, 36), 16);
  let digits = '';
  for (let step = 0; step < 8; step++) {
    let current = a;
    a = Math.floor(current / RADIX_CUBED);
    current = (current - a * RADIX_CUBED) * LIMB + b;
    b = Math.floor(current / RADIX_CUBED);
    current = (current - b * RADIX_CUBED) * LIMB + c;
    c = Math.floor(current / RADIX_CUBED);
    current = (current - c * RADIX_CUBED) * LIMB + d;
    d = Math.floor(current / RADIX_CUBED);
    let chunk = current - d * RADIX_CUBED;
    for (let digit = 0; digit < 3; digit++) {
      digits = `${SHORT_ID_ALPHABET[chunk % RADIX] ?? ''}${digits}`;
      chunk = Math.floor(chunk / RADIX);
    }
  }
  return digits.slice(digits.length - LENGTH);
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
