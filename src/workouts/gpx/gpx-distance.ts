/**
 * gpxpy 1.6.2 `geo.distance` (docs/uploads.md#distance), with the same operation order so results
 * agree to the last bit: haversine beyond 0.2° in latitude or longitude, else the
 * equirectangular approximation at the first point's latitude; 3D when both elevations are
 * known and differ. Python's `math.radians(x)` is `x * (pi / 180)`.
 */
const EARTH_RADIUS = 6378.137 * 1000;
const ONE_DEGREE = (2 * Math.PI * EARTH_RADIUS) / 360;
const DEG_TO_RAD = Math.PI / 180;

/** 2D distance in metres between point 1 (whose latitude scales longitudes) and point 2. */
export function distance2d(lat1: number, lon1: number, lat2: number, lon2: number): number {
  if (Math.abs(lat1 - lat2) > 0.2 || Math.abs(lon1 - lon2) > 0.2) {
    return haversine(lat1, lon1, lat2, lon2);
  }
  const coef = Math.cos(lat1 * DEG_TO_RAD);
  const x = lat1 - lat2;
  const y = (lon1 - lon2) * coef;
  return Math.sqrt(x * x + y * y) * ONE_DEGREE;
}

/** 3D distance; `ele` NaN = unknown (then 2D), equal elevations give the 2D value. */
export function distance3d(
  lat1: number,
  lon1: number,
  ele1: number,
  lat2: number,
  lon2: number,
  ele2: number,
): number {
  const d2 = distance2d(lat1, lon1, lat2, lon2);
  if (Math.abs(lat1 - lat2) > 0.2 || Math.abs(lon1 - lon2) > 0.2) return d2;
  // NaN compares unequal and fails both tests below: unknown elevations keep the 2D value.
  if (!(ele1 === ele1 && ele2 === ele2) || ele1 === ele2) return d2;
  const de = ele1 - ele2;
  return Math.sqrt(d2 * d2 + de * de);
}

function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLon = (lon1 - lon2) * DEG_TO_RAD;
  const phi1 = lat1 * DEG_TO_RAD;
  const phi2 = lat2 * DEG_TO_RAD;
  const dLat = phi1 - phi2;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const a = s1 * s1 + s2 * s2 * Math.cos(phi1) * Math.cos(phi2);
  return EARTH_RADIUS * (2 * Math.asin(Math.sqrt(a)));
}
