import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

/** A 400-pixel-wide map cannot show steps finer than this fraction of the track's extent. */
const STEP_FRACTION = 1 / 4000;

/**
 * The first track's points for the static map polyline (docs/uploads.md#files), without the
 * points closer than a tenth of a pixel to the previous kept one: a 100,000-point track draws
 * the same picture from a fraction of its points. First and last points are always kept.
 */
export function mapPoints(parsed: ParsedGpx): { lats: Float64Array; lons: Float64Array } {
  const segments = parsed.tracks[0]?.segments ?? [];
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let total = 0;
  for (const s of segments) {
    for (let i = 0; i < s.count; i++) {
      const lat = s.lat[i] ?? 0;
      const lon = s.lon[i] ?? 0;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
    }
    total += s.count;
  }
  const step = Math.max(maxLat - minLat, maxLon - minLon) * STEP_FRACTION;
  const lats = new Float64Array(total);
  const lons = new Float64Array(total);
  let kept = 0;
  let seen = 0;
  for (const s of segments) {
    for (let i = 0; i < s.count; i++) {
      seen++;
      const lat = s.lat[i] ?? 0;
      const lon = s.lon[i] ?? 0;
      const isFar =
        kept === 0 ||
        Math.abs(lat - (lats[kept - 1] ?? 0)) > step ||
        Math.abs(lon - (lons[kept - 1] ?? 0)) > step;
      if (isFar || seen === total) {
        lats[kept] = lat;
        lons[kept] = lon;
        kept++;
      }
    }
  }
  return { lats: lats.subarray(0, kept), lons: lons.subarray(0, kept) };
}
