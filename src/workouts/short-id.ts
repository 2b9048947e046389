/** shortuuid 1.0.12 defaults (docs/compatibility.md#ids). */
export const SHORT_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE = BigInt(SHORT_ID_ALPHABET.length);
const LENGTH = 22;
const MAX_UUID = (1n << 128n) - 1n;
const RADIX = SHORT_ID_ALPHABET.length;
/** Three base-57 digits per division step: 57³ × 2³² < 2⁵³, so every step is exact in a double. */
const RADIX_CUBED = RADIX ** 3;
const LIMB = 2 ** 32;
const DIGIT_CODES = Array.from(SHORT_ID_ALPHABET, (char) => char.charCodeAt(0));

/** The value of each ASCII hex digit, either case; -1 for every other code. */
const HEX_VALUES = new Int8Array(128).fill(-1);
const HEX_DIGITS = '0123456789abcdef';
for (let value = 0; value < 16; value++) {
  HEX_VALUES[HEX_DIGITS.charCodeAt(value)] = value;
  HEX_VALUES[HEX_DIGITS.toUpperCase().charCodeAt(value)] = value;
}
const DASH = '-'.charCodeAt(0);
/** Where the 32 hex digits of `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` are. */
const HEX_POSITIONS = Array.from({ length: 36 }, (_, index) => index).filter(
  (index) => index !== 8 && index !== 13 && index !== 18 && index !== 23,
);

/** Hex digits `from` to `from + 7` of the UUID as a 32-bit limb, or -1 if one is not hex. */
function limbAt(uuid: string, from: number): number {
  let value = 0;
  for (let digit = from; digit < from + 8; digit++) {
    const code = uuid.charCodeAt(HEX_POSITIONS[digit] ?? 0);
    const hex = code < 128 ? (HEX_VALUES[code] ?? -1) : -1;
    if (hex < 0) return -1;
    value = value * 16 + hex;
  }
  return value;
}

function isDashed(uuid: string): boolean {
  return (
    uuid.length === 36 &&
    uuid.charCodeAt(8) === DASH &&
    uuid.charCodeAt(13) === DASH &&
    uuid.charCodeAt(18) === DASH &&
    uuid.charCodeAt(23) === DASH
  );
}

/** The character codes of the last encoding's 24 digits (the first two always `2`, zero). */
const encoded = Buffer.alloc(24);

/**
 * The UUID as base 57, most significant digit first, left-padded with `2` to 22 characters
 * (57²² > 2¹²⁸). Long division by 57³ over four 32-bit limbs in plain numbers, eight steps of
 * three digits, the hex read straight from the string: a list page encodes dozens of ids
 * (its workouts, their neighbours and records), and BigInt arithmetic, slicing and a pattern
 * test cost several times more.
 */
export function encodeShortId(uuid: string): string {
  let a = isDashed(uuid) ? limbAt(uuid, 0) : -1;
  let b = limbAt(uuid, 8);
  let c = limbAt(uuid, 16);
  let d = limbAt(uuid, 24);
  if (a < 0 || b < 0 || c < 0 || d < 0) throw new Error(`not a UUID: ${uuid}`);
  for (let step = 7; step >= 0; step--) {
    let current = a;
    a = Math.floor(current / RADIX_CUBED);
    current = (current - a * RADIX_CUBED) * LIMB + b;
    b = Math.floor(current / RADIX_CUBED);
    current = (current - b * RADIX_CUBED) * LIMB + c;
    c = Math.floor(current / RADIX_CUBED);
    current = (current - c * RADIX_CUBED) * LIMB + d;
    d = Math.floor(current / RADIX_CUBED);
    const chunk = current - d * RADIX_CUBED;
    const upper = Math.floor(chunk / RADIX);
    const top = Math.floor(upper / RADIX);
    encoded[step * 3] = DIGIT_CODES[top] ?? 0;
    encoded[step * 3 + 1] = DIGIT_CODES[upper - top * RADIX] ?? 0;
    encoded[step * 3 + 2] = DIGIT_CODES[chunk - upper * RADIX] ?? 0;
  }
  return encoded.toString('latin1', 24 - LENGTH, 24);
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
