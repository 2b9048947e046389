import { distance2d, distance3d } from 'src/workouts/gpx/gpx-distance';
import type { GpxSegmentPoints } from 'src/workouts/gpx/gpx-types';
import { selectKth } from 'src/workouts/gpx/select-kth';

/** gpxpy `IGNORE_TOP_SPEED_PERCENTILES`: the top 5 % of speeds are dropped. */
const KEPT_FRACTION = 1 - 0.05;

/** gpxpy 1.6.2 per-segment results (docs/uploads.md#computed), SI units. */
export interface SegmentStats {
  movingTime: number;
  stoppedTime: number;
  movingDistance: number;
  stoppedDistance: number;
  /** m/s, outlier rule applied (gpxpy `raw=False`). */
  maxSpeed: number;
  /** m/s, plain maximum (gpxpy `raw=True`). */
  maxSpeedRaw: number;
  /** Seconds; null where gpxpy's `get_duration` returns None. */
  duration: number | null;
  minEle: number | null;
  maxEle: number | null;
  uphill: number;
  downhill: number;
  /** `[minLat, maxLat, minLon, maxLon]`, null when gpxpy has none (a bound exactly 0). */
  bounds: [number, number, number, number] | null;
}

/**
 * One pass over the point pairs for gpxpy `get_moving_data`: pairs with both times, distance 3D
 * when both elevations are non-null and non-zero, counted only when time > 0 and distance ≠ 0;
 * speed ≤ threshold (km/h) is a stop; pairs enter the max-speed pool once moving time > 0.
 */
export function segmentStats(seg: GpxSegmentPoints, thresholdKmh: number): SegmentStats {
  const threshold = thresholdKmh === 0 || thresholdKmh !== thresholdKmh ? 1 : thresholdKmh;
  const { count, lat, lon, ele, time } = seg;
  const speeds = new Float64Array(Math.max(count - 1, 0));
  const distances = new Float64Array(Math.max(count - 1, 0));
  let pairs = 0;
  let movingTime = 0;
  let stoppedTime = 0;
  let movingDistance = 0;
  let stoppedDistance = 0;
  for (let i = 1; i < count; i++) {
    const t1 = time[i - 1] ?? NaN;
    const t2 = time[i] ?? NaN;
    if (t1 !== t1 || t2 !== t2) continue;
    const e1 = ele[i - 1] ?? NaN;
    const e2 = ele[i] ?? NaN;
    const la = lat[i] ?? 0;
    const lo = lon[i] ?? 0;
    const distance =
      e1 !== 0 && e2 !== 0 && e1 === e1 && e2 === e2
        ? distance3d(la, lo, e2, lat[i - 1] ?? 0, lon[i - 1] ?? 0, e1)
        : distance2d(la, lo, lat[i - 1] ?? 0, lon[i - 1] ?? 0);
    const seconds = (t2 - t1) / 1e6;
    if (!(seconds > 0) || distance === 0) continue;
    const speedKmh = distance / 1000 / (seconds / 3600);
    if (speedKmh <= threshold) {
      stoppedTime += seconds;
      stoppedDistance += distance;
    } else {
      movingTime += seconds;
      movingDistance += distance;
    }
    if (movingTime !== 0) {
      speeds[pairs] = distance / seconds;
      distances[pairs] = distance;
      pairs++;
    }
  }
  const elevation = elevationStats(ele, count);
  return {
    movingTime,
    stoppedTime,
    movingDistance,
    stoppedDistance,
    maxSpeed: filteredMaxSpeed(speeds, distances, pairs),
    maxSpeedRaw: rawMaxSpeed(speeds, pairs),
    duration: segmentDuration(time, count),
    ...elevation,
    bounds: segmentBounds(lat, lon, count),
  };
}

/** gpxpy `geo.calculate_max_speed` with `ignore_nonstandard_distances=False`. */
function rawMaxSpeed(speeds: Float64Array, n: number): number {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const s = speeds[i] ?? 0;
    if (i === 0 || s > max) max = s;
  }
  return max;
}

/**
 * gpxpy `geo.calculate_max_speed`: keep pairs whose distance is within 1.5 population
 * standard deviations of the mean distance, sort their speeds, take index ⌊n × 0.95⌋ (selected,
 * not sorted).
 */
function filteredMaxSpeed(speeds: Float64Array, distances: Float64Array, n: number): number {
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += distances[i] ?? 0;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (distances[i] ?? 0) - mean;
    squares += d * d;
  }
  const limit = Math.sqrt(squares / n) * 1.5;
  const kept = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs((distances[i] ?? 0) - mean) <= limit) kept[k++] = speeds[i] ?? 0;
  }
  if (k === 0) return 0;
  let index = Math.trunc(k * KEPT_FRACTION);
  if (index >= k) index = k - 1;
  return selectKth(kept, k, index);
}

/** gpxpy `get_duration`: first/last point, or their neighbours when they lack a time. */
function segmentDuration(time: Float64Array, count: number): number | null {
  if (count < 2) return 0;
  let first = time[0] ?? NaN;
  if (first !== first) first = time[1] ?? NaN;
  let last = time[count - 1] ?? NaN;
  if (last !== last) last = time[count - 2] ?? NaN;
  if (first !== first || last !== last || last < first) return null;
  return (last - first) / 1e6;
}

function elevationStats(
  ele: Float64Array,
  count: number,
): Pick<SegmentStats, 'minEle' | 'maxEle' | 'uphill' | 'downhill'> {
  let minEle: number | null = null;
  let maxEle: number | null = null;
  let uphill = 0;
  let downhill = 0;
  // Smoothed values 0.3/0.4/0.3 over the known elevations (gpxpy calculate_uphill_downhill).
  let prev2 = NaN;
  let prev1 = NaN;
  let smoothedPrev = NaN;
  let known = 0;
  for (let i = 0; i < count; i++) {
    const e = ele[i] ?? NaN;
    if (e !== e) continue;
    if (minEle === null || e < minEle) minEle = e;
    if (maxEle === null || e > maxEle) maxEle = e;
    known++;
    // The previous known value can be smoothed once its successor is known.
    if (known >= 2) {
      const smoothed = known === 2 ? prev1 : prev2 * 0.3 + prev1 * 0.4 + e * 0.3;
      if (known >= 3) {
        const d = smoothed - smoothedPrev;
        if (d > 0) uphill += d;
        else downhill -= d;
      }
      smoothedPrev = smoothed;
    }
    prev2 = prev1;
    prev1 = e;
  }
  if (known >= 2) {
    const d = prev1 - smoothedPrev;
    if (d > 0) uphill += d;
    else downhill -= d;
  }
  return { minEle, maxEle, uphill, downhill };
}

/** gpxpy `GPXTrackSegment.get_bounds`: none when any bound is exactly 0 (falsy in Python). */
function segmentBounds(
  lat: Float64Array,
  lon: Float64Array,
  count: number,
): SegmentStats['bounds'] {
  if (count === 0) return null;
  let minLat = lat[0] ?? 0;
  let maxLat = minLat;
  let minLon = lon[0] ?? 0;
  let maxLon = minLon;
  for (let i = 1; i < count; i++) {
    const la = lat[i] ?? 0;
    const lo = lon[i] ?? 0;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if (lo < minLon) minLon = lo;
    if (lo > maxLon) maxLon = lo;
  }
  if (minLat === 0 || maxLat === 0 || minLon === 0 || maxLon === 0) return null;
  return [minLat, maxLat, minLon, maxLon];
}
