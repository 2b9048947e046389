/**
 * Python number formatting the reference relies on: `round(x, n)` (exact binary value, ties to
 * even) for chart data (FitTrackee `GET /api/workouts/<workout_id>/chart_data`) and gpxpy
 * `make_str` for generated XML (FitTrackee `GET /api/workouts/<workout_id>/gpx`).
 */
export function pyRound(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** decimals;
  // x lies exactly halfway between two n-decimal values iff x·2^(n+1) is an odd integer.
  const doubled = x * 2 ** (decimals + 1);
  if (Number.isInteger(doubled) && Math.abs(doubled % 2) === 1) {
    const scaled = x * scale;
    const floor = Math.floor(scaled);
    return (floor % 2 === 0 ? floor : floor + 1) / scale;
  }
  return Number(x.toFixed(decimals));
}

/**
 * gpxpy `utils.make_str` for a float: Python `str(x)` (`987.0`, `44.67972`), except that
 * scientific notation (|x| < 1e-4 or ≥ 1e16) becomes 10 fixed decimals without trailing zeros.
 */
export function pyFloatText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
    return x.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  }
  const text = Object.is(x, -0) ? '-0' : String(x);
  return text.includes('.') ? text : `${text}.0`;
}
