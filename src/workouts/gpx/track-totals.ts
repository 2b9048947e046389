import type { SegmentStats } from 'src/workouts/gpx/segment-stats';

export type TotalStats = Omit<SegmentStats, 'maxSpeed' | 'maxSpeedRaw'>;

/**
 * gpxpy sums per track, then per file, in that order (floating-point sums must be formed the
 * same way to agree to the last bit): `GPX.get_moving_data`, `get_duration` (None as soon as one
 * segment has none), `get_uphill_downhill`, `get_elevation_extremes`, `get_bounds`.
 */
export function sumTrackStats(tracks: readonly (readonly SegmentStats[])[]): TotalStats {
  const total: TotalStats = emptyTotals();
  let hasDuration = true;
  for (const segments of tracks) {
    const track = emptyTotals();
    let hasTrackDuration = true;
    for (const s of segments) {
      track.movingTime += s.movingTime;
      track.stoppedTime += s.stoppedTime;
      track.movingDistance += s.movingDistance;
      track.stoppedDistance += s.stoppedDistance;
      if (s.duration === null) hasTrackDuration = false;
      else track.duration = (track.duration ?? 0) + s.duration;
      track.uphill += s.uphill;
      track.downhill += s.downhill;
      track.minEle = lower(track.minEle, s.minEle);
      track.maxEle = higher(track.maxEle, s.maxEle);
      track.bounds = mergeBounds(track.bounds, s.bounds);
    }
    total.movingTime += track.movingTime;
    total.stoppedTime += track.stoppedTime;
    total.movingDistance += track.movingDistance;
    total.stoppedDistance += track.stoppedDistance;
    if (!hasTrackDuration) hasDuration = false;
    else total.duration = (total.duration ?? 0) + (track.duration ?? 0);
    total.uphill += track.uphill;
    total.downhill += track.downhill;
    total.minEle = lower(total.minEle, track.minEle);
    total.maxEle = higher(total.maxEle, track.maxEle);
    total.bounds = mergeBounds(total.bounds, track.bounds);
  }
  if (!hasDuration) total.duration = null;
  return total;
}

function emptyTotals(): TotalStats {
  return {
    movingTime: 0,
    stoppedTime: 0,
    movingDistance: 0,
    stoppedDistance: 0,
    duration: 0,
    minEle: null,
    maxEle: null,
    uphill: 0,
    downhill: 0,
    bounds: null,
  };
}

function lower(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

function higher(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null || a >= b ? a : b;
}

type Bounds = SegmentStats['bounds'];

/** `if bounds is None: bounds = next elif next: bounds = bounds.max_bounds(next)`. */
function mergeBounds(current: Bounds, next: Bounds): Bounds {
  if (current === null) return next;
  if (next === null) return current;
  return [
    Math.min(current[0], next[0]),
    Math.max(current[1], next[1]),
    Math.min(current[2], next[2]),
    Math.max(current[3], next[3]),
  ];
}
