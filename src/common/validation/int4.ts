/** PostgreSQL `integer` (int4): ids, `sport_id`, and the page numbers that feed OFFSET. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** Python's `int()` syntax as FitTrackee reads query integers: sign and surrounding spaces. */
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

export function isIntegerText(text: string): boolean {
  return INTEGER_TEXT.test(text);
}

/** An integer written the way `int()` accepts it, in int4 range. */
export function isInt4Text(text: string): boolean {
  if (!INTEGER_TEXT.test(text)) return false;
  const digits = text
    .trim()
    .replace(/^[+-]/, '')
    .replace(/^0+(?=\d)/, '');
  if (digits.length > 10) return false;
  const value = Number(text.trim());
  return value >= INT4_MIN && value <= INT4_MAX;
}

export function isInt4(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= INT4_MIN && (value as number) <= INT4_MAX;
}
