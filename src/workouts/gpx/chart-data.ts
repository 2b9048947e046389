import type { Readable } from 'node:stream';

import { toHttpDate } from 'src/common/format/http-date';
import { distance2d, distance3d } from 'src/workouts/gpx/gpx-distance';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { GpxSegmentPoints } from 'src/workouts/gpx/gpx-types';
import { pointSpeed } from 'src/workouts/gpx/point-speed';
import { pyRound } from 'src/workouts/gpx/python-format';
import { selectSegments } from 'src/workouts/gpx/segment-selection';

/**
 * One chart point (FitTrackee `GET /api/workouts/<workout_id>/chart_data`); `elevation` is absent
 * without a non-zero elevation.
 */
export interface ChartPoint {
  distance: number;
  /** Seconds from the first returned point; null when a time is missing. */
  duration: number | null;
  elevation?: number;
  latitude: number;
  longitude: number;
  speed: number;
  /** RFC 1123 UTC; null for a point without time (the reference fails on those). */
  time: string | null;
}

/**
 * FitTrackee 0.7.32 `get_chart_data` on a stored file: points of the first track (or of the
 * 1-based `segmentId`), distance cumulated across segment boundaries, speed from gpxpy
 * `get_speed` within each segment. Null when the file has no track.
 */
export async function chartData(
  input: Buffer | Readable,
  segmentId?: number,
): Promise<ChartPoint[] | null> {
  const gpx = await parseGpx(input).catch((error: unknown) => {
    if (error instanceof GpxError && error.code === 'noTracks') return null;
    throw error;
  });
  if (gpx === null) return null;
  const points: ChartPoint[] = [];
  let firstTime = NaN;
  let prev: { lat: number; lon: number; ele: number } | null = null;
  let cumulated = 0;
  const segments = selectSegments(gpx, segmentId);
  // The reference's first point is point 0 of segment 0: none when that segment is empty.
  if ((segments[0]?.count ?? 0) > 0) firstTime = segments[0]?.time[0] ?? NaN;
  for (const segment of segments) {
    const { lat, lon, ele, time } = segment;
    for (let i = 0; i < segment.count; i++) {
      const la = lat[i] ?? 0;
      const lo = lon[i] ?? 0;
      const e = ele[i] ?? NaN;
      const t = time[i] ?? NaN;
      if (prev !== null) cumulated += stepDistance(la, lo, e, prev.lat, prev.lon, prev.ele);
      const point: ChartPoint = {
        distance: pyRound(cumulated / 1000, 2),
        duration: t === t && firstTime === firstTime ? Math.abs(t - firstTime) / 1e6 : null,
        latitude: la,
        longitude: lo,
        speed: speedKmh(segment, i),
        time: t === t ? toHttpDate(new Date(Math.floor(t / 1000))) : null,
      };
      if (e === e && e !== 0) point.elevation = pyRound(e, 1);
      points.push(point);
      prev = { lat: la, lon: lo, ele: e };
    }
  }
  return points;
}

/** 3D only when both elevations are non-zero (FitTrackee's truthiness test), else 2D. */
function stepDistance(
  la: number,
  lo: number,
  e: number,
  pla: number,
  plo: number,
  pe: number,
): number {
  const isBoth = e === e && e !== 0 && pe === pe && pe !== 0;
  return isBoth ? distance3d(la, lo, e, pla, plo, pe) : distance2d(la, lo, pla, plo);
}

function speedKmh(segment: GpxSegmentPoints, index: number): number {
  const speed = pointSpeed(segment, index);
  return speed === null ? 0 : pyRound((speed / 1000) * 3600, 2);
}
