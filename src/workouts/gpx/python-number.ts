/**
 * Number parsing with Python's `float(text.strip())` / `int(text.strip())` acceptance, as gpxpy
 * applies them to GPX attributes and elements (gpxpy 1.6.2 `gpxfield.FloatConverter`): text it
 * refuses makes the whole file invalid, so acceptance must match, not only the value.
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const FLOAT_SYNTAX =
  /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;
const INT_SYNTAX = /^[+-]?\d(?:_?\d)*$/;
// Characters Python's str.strip() removes (str.isspace()): \s plus U+001C..U+001F and U+0085.
const PY_SPACE_CHARS = '\\s\\u001c-\\u001f\\u0085';
const PY_SPACE = new RegExp(`^[${PY_SPACE_CHARS}]+|[${PY_SPACE_CHARS}]+$`, 'g');

/** Python `float(text.strip())`; undefined where Python raises ValueError. */
export function parsePythonFloat(text: string): number | undefined {
  const fast = parseSimpleDecimal(text);
  if (fast !== undefined) return fast;
  const s = text.replace(PY_SPACE, '');
  if (FLOAT_SYNTAX.test(s)) return Number(s.replaceAll('_', ''));
  if (SPECIAL_FLOAT.test(s)) {
    if (/nan/i.test(s)) return NaN;
    return s.startsWith('-') ? -Infinity : Infinity;
  }
  return undefined;
}

/** Python `int(text.strip())` acceptance (base 10). */
export function isPythonInt(text: string): boolean {
  return INT_SYNTAX.test(text.replace(PY_SPACE, ''));
}

/**
 * `[-]digits[.digits]` with at most 15 significant digits: integer mantissa / 10^k is exact
 * on both sides, so one division gives the correctly rounded value, as Python's parser does.
 * Undefined for anything else (the general path decides).
 */
function parseSimpleDecimal(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = fraction > 0 ? mantissa / (POW10[fraction] ?? NaN) : mantissa;
  return negative ? -value : value;
}
