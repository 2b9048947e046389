export const TILE_SIZE = 256;
const MAX_LATITUDE = 85.0511287798;

/** World pixel x of a longitude at `zoom` (Web Mercator, 256 px tiles). */
export function lonToPixelX(lon: number, zoom: number): number {
  return ((lon + 180) / 360) * TILE_SIZE * 2 ** zoom;
}

/** World pixel y of a latitude at `zoom`; latitudes are clamped to the projection's range. */
export function latToPixelY(lat: number, zoom: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const rad = (clamped * Math.PI) / 180;
  const y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
  return y * TILE_SIZE * 2 ** zoom;
}
