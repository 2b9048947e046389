import { toHttpDate } from 'src/common/format/http-date';
import { pyRound } from 'src/workouts/file-uploads/python-format';
import { distance2d, distance3d } from 'src/workouts/gpx/gpx-distance';
import { SegmentNotFoundError } from 'src/workouts/gpx/gpx-errors';
import type { GpxSegmentPoints, ParsedGpx } from 'src/workouts/gpx/gpx-types';

export interface ChartPoint {
  distance: number;
  duration: number | null;
  elevation?: number;
  latitude: number;
  longitude: number;
  speed: number;
  time: string | null;
}

/** Segments of the first track, or the one a 1-based `segmentId` selects (spec §3.3). */
export function selectSegments(parsed: ParsedGpx, segmentId?: number): readonly GpxSegmentPoints[] {
  const segments = parsed.tracks[0]?.segments ?? [];
  if (segmentId === undefined) return segments;
  const segment = segments[segmentId - 1];
  if (segment === undefined) throw new SegmentNotFoundError(segmentId);
  return [segment];
}

/** gpxpy's elevation test is Python truthiness: unknown (NaN here) and 0 are both "none". */
const hasElevation = (ele: number): boolean => ele === ele && ele !== 0;

/**
 * FitTrackee `get_chart_data` (spec workouts.md §3.4): cumulative distance over the returned
 * points, the step between two segments included; duration from the first point; gpxpy's
 * speed at the point (mean of the speeds to its neighbours in the same segment).
 */
export function buildChartData(parsed: ParsedGpx, segmentId?: number): ChartPoint[] {
  const points: ChartPoint[] = [];
  let cumulated = 0;
  let previous: { s: GpxSegmentPoints; i: number } | null = null;
  const segments = selectSegments(parsed, segmentId);
  const firstTime = segments[0] !== undefined && segments[0].count > 0 ? segments[0].time[0] : NaN;
  for (const s of segments) {
    for (let i = 0; i < s.count; i++) {
      const ele = s.ele[i] ?? NaN;
      if (previous !== null) {
        const p = previous.s;
        const j = previous.i;
        const pEle = p.ele[j] ?? NaN;
        const lat = s.lat[i] ?? 0;
        const lon = s.lon[i] ?? 0;
        cumulated +=
          hasElevation(ele) && hasElevation(pEle)
            ? distance3d(lat, lon, ele, p.lat[j] ?? 0, p.lon[j] ?? 0, pEle)
            : distance2d(lat, lon, p.lat[j] ?? 0, p.lon[j] ?? 0);
      }
      const time = s.time[i] ?? NaN;
      const point: ChartPoint = {
        distance: pyRound(cumulated / 1000, 2),
        duration: timeDifference(time, firstTime ?? NaN),
        latitude: s.lat[i] ?? 0,
        longitude: s.lon[i] ?? 0,
        speed: pyRound((speedAt(s, i) / 1000) * 3600, 2),
        time: time === time ? toHttpDate(new Date(Math.floor(time / 1000))) : null,
      };
      if (hasElevation(ele)) point.elevation = pyRound(ele, 1);
      points.push(point);
      previous = { s, i };
    }
  }
  return points;
}

/** gpxpy `time_difference`: absolute seconds, null when a time is missing. */
function timeDifference(micros: number, firstMicros: number): number | null {
  if (micros !== micros || firstMicros !== firstMicros) return null;
  return Math.abs(micros - firstMicros) / 1e6;
}

/** gpxpy `GPXTrackSegment.get_speed` in m/s; 0 where gpxpy gives None. */
function speedAt(s: GpxSegmentPoints, i: number): number {
  const before = i > 0 ? Math.abs(speedBetween(s, i, i - 1) ?? 0) : 0;
  const after = i < s.count - 1 ? Math.abs(speedBetween(s, i, i + 1) ?? 0) : 0;
  if (before && after) return (before + after) / 2;
  return before || after;
}

/** gpxpy `speed_between`: 3D length (2D if that is 0) over the time difference. */
function speedBetween(s: GpxSegmentPoints, i: number, j: number): number | null {
  const seconds = timeDifference(s.time[i] ?? NaN, s.time[j] ?? NaN);
  const lat = s.lat[i] ?? 0;
  const lon = s.lon[i] ?? 0;
  let length = distance3d(lat, lon, s.ele[i] ?? NaN, s.lat[j] ?? 0, s.lon[j] ?? 0, s.ele[j] ?? NaN);
  if (!length) length = distance2d(lat, lon, s.lat[j] ?? 0, s.lon[j] ?? 0);
  if (!seconds) return null;
  return length / seconds;
}
