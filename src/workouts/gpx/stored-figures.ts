import type { GpxFigures } from 'src/workouts/gpx/gpx-types';
import { truncatedSeconds } from 'src/workouts/gpx/py-timedelta';

/**
 * PostgreSQL `numeric(p, s)` storage of a Python float (FitTrackee workout model): the driver sends
 * the float's shortest round-trip text (Python `repr`, JS `String` produce the same digits), the
 * database rounds that decimal half away from zero to `decimals` places.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // value = 0.digits × 10^(exponent + 1): the integer part has `exponent + 1` digits.
  const pointAt = Number(exponentText) + 1;
  const keep = pointAt + decimals;
  if (keep < 0) return 0;
  const kept = digits.slice(0, keep).padEnd(keep, '0');
  const next = keep < digits.length ? Number(digits[keep]) : 0;
  let scaled = BigInt(kept === '' ? '0' : kept);
  if (next >= 5) scaled += 1n;
  const magnitude = Number(`${scaled.toString()}e-${decimals}`);
  return value < 0 ? -magnitude : magnitude;
}

/** Column scales of `workouts` / `workout_segments` (FitTrackee workout model). */
export const STORED_DECIMALS = {
  distance: 3,
  minAlt: 2,
  maxAlt: 2,
  ascent: 3,
  descent: 3,
  maxSpeed: 2,
  aveSpeed: 2,
} as const;

/** What the database holds for a workout or a segment computed from a GPX file. */
export interface StoredGpxFigures {
  /** Whole seconds (FitTrackee `_remove_microseconds`). */
  readonly duration: number;
  readonly moving: number;
  readonly pauses: number;
  readonly distance: number;
  readonly minAlt: number | null;
  readonly maxAlt: number | null;
  readonly ascent: number | null;
  readonly descent: number | null;
  readonly maxSpeed: number;
  readonly aveSpeed: number;
}

export function toStoredFigures(f: GpxFigures): StoredGpxFigures {
  const round = (v: number | null, d: number): number | null =>
    v === null ? null : roundHalfAwayFromZero(v, d);
  return {
    duration: truncatedSeconds(Math.round(f.durationSeconds * 1e6)),
    moving: truncatedSeconds(Math.round(f.movingSeconds * 1e6)),
    pauses: truncatedSeconds(Math.round(f.pausesSeconds * 1e6)),
    distance: roundHalfAwayFromZero(f.distanceKm, STORED_DECIMALS.distance),
    minAlt: round(f.minAltitude, STORED_DECIMALS.minAlt),
    maxAlt: round(f.maxAltitude, STORED_DECIMALS.maxAlt),
    ascent: round(f.ascent, STORED_DECIMALS.ascent),
    descent: round(f.descent, STORED_DECIMALS.descent),
    maxSpeed: roundHalfAwayFromZero(f.maxSpeedKmh, STORED_DECIMALS.maxSpeed),
    aveSpeed: roundHalfAwayFromZero(f.aveSpeedKmh, STORED_DECIMALS.aveSpeed),
  };
}
