/**
 * Python number formatting where a response must match the reference byte for byte or to the
 * last digit: `round(x, n)` and gpxpy's `make_str(float)`.
 */

/**
 * Python `round(x, n)`: the exact binary value rounded to n decimals, ties to even. `toFixed`
 * already rounds the exact value; it only differs on exact ties, which it rounds away from 0.
 */
export function pyRound(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const isExactTie =
    Number.isInteger(scaled * 2) && !Number.isInteger(scaled) && scaled / scale === value;
  if (isExactTie) {
    const floor = Math.floor(scaled);
    return (floor % 2 === 0 ? floor : floor + 1) / scale;
  }
  return Number(value.toFixed(decimals));
}

/**
 * gpxpy 1.6.2 `utils.make_str` for a float: Python `str()` (shortest round trip, always with
 * a decimal point), except that scientific notation is written as `.10f` without trailing zeros.
 */
export function pyFloatText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) {
    return Object.is(value, -0) ? '-0.0' : value.toFixed(1);
  }
  // Python's repr turns to scientific notation below 1e-4 (JS only below 1e-6).
  const isScientific = Math.abs(value) < 1e-4 || Math.abs(value) >= 1e16;
  if (!isScientific) return String(value);
  return value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}
