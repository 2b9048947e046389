import { distance3d } from 'src/workouts/gpx/gpx-distance';
import type { GpxSegmentPoints } from 'src/workouts/gpx/gpx-types';

/**
 * gpxpy 1.6.2 `GPXTrackSegment.get_speed` (m/s): the mean of the speeds to the previous and to
 * the next point when both are non-zero, else whichever is; null when neither can be computed.
 */
export function pointSpeed(segment: GpxSegmentPoints, index: number): number | null {
  const before = index > 0 ? speedBetween(segment, index, index - 1) : null;
  const after = index < segment.count - 1 ? speedBetween(segment, index, index + 1) : null;
  const s1 = before ? Math.abs(before) : before;
  const s2 = after ? Math.abs(after) : after;
  if (s1 && s2) return (s1 + s2) / 2;
  if (s1) return s1;
  return s2;
}

/**
 * gpxpy `speed_between`: |Δt| seconds (none when equal or unknown), `distance_3d` — 3D whenever
 * both elevations are known, zero included — from point `i` to point `j`.
 */
function speedBetween(segment: GpxSegmentPoints, i: number, j: number): number | null {
  const ti = segment.time[i] ?? NaN;
  const tj = segment.time[j] ?? NaN;
  const seconds = Math.abs(ti - tj) / 1e6;
  if (!seconds) return null;
  const length = distance3d(
    segment.lat[i] ?? 0,
    segment.lon[i] ?? 0,
    segment.ele[i] ?? NaN,
    segment.lat[j] ?? 0,
    segment.lon[j] ?? 0,
    segment.ele[j] ?? NaN,
  );
  return length / seconds;
}
