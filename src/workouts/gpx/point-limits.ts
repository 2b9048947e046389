/**
 * What a track point may hold. gpxpy reads any float, and FitTrackee then fails on what no
 * place on Earth can be (an out-of-range coordinate, an infinite elevation) with a 500 or a
 * crash; here such a point makes the file invalid, with the value and its place in the error.
 *
 * - Latitude and longitude: WGS 84 degrees, [-90, 90] and [-180, 180] (the GPX 1.1 schema's
 *   `latitudeType` and `longitudeType`).
 * - Elevation: metres, [-12,000, 50,000]. The lowest point of the Earth's surface is the
 *   Challenger Deep, about 10,935 m below sea level (a kilometre of margin for barometric
 *   drift); the highest recorded human ascents, stratospheric balloon jumps, reached 41.4 km,
 *   and 50 km is the top of the stratosphere, above which no balloon or aircraft flies.
 *   Airliners (about 12 km), paragliders and mountaineers are well inside.
 */
export const POINT_LIMITS = {
  latitude: { min: -90, max: 90, unit: '' },
  longitude: { min: -180, max: 180, unit: '' },
  elevation: { min: -12_000, max: 50_000, unit: ' m' },
} as const;

export type PointValue = keyof typeof POINT_LIMITS;

/** Whether `value` is in range; NaN and infinities never are. */
export function isWithin(value: number, name: PointValue): boolean {
  const { min, max } = POINT_LIMITS[name];
  return value >= min && value <= max;
}

/** `elevation 1e+308 m is not within [-12000, 50000] m`. */
export function outOfRangeText(name: PointValue, value: number): string {
  const { min, max, unit } = POINT_LIMITS[name];
  return `${name} ${String(value)}${unit} is not within [${min}, ${max}]${unit}`;
}
