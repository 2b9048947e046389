/**
 * Python `timedelta(seconds=x)` for a float x, in whole microseconds: the integral part is
 * exact, the fraction is scaled to microseconds, and what is left under one microsecond is
 * rounded half to even on the total (CPython `delta_new`). FitTrackee builds its durations this
 * way from gpxpy's float seconds (docs/uploads.md#computed).
 */
export function timedeltaMicros(seconds: number): number {
  const whole = Math.trunc(seconds);
  let micros = whole * 1e6;
  const fraction = seconds - whole;
  if (fraction === 0) return micros;
  const scaled = fraction * 1e6;
  const scaledWhole = Math.trunc(scaled);
  micros += scaledWhole;
  const leftover = scaled - scaledWhole;
  if (leftover === 0) return micros;
  let rounded = cRound(leftover);
  if (Math.abs(rounded - leftover) === 0.5) {
    const isOdd = Math.abs(micros % 2) === 1 ? 1 : 0;
    rounded = 2 * cRound((leftover + isOdd) * 0.5) - isOdd;
  }
  return micros + rounded;
}

/** C `round`: halves away from zero. */
function cRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** FitTrackee `_remove_microseconds`: whole seconds, towards −∞ like Python's normalisation. */
export function truncatedSeconds(micros: number): number {
  return Math.floor(micros / 1e6);
}
