import type { TileCoordinates } from 'src/workouts/files/map/tile-url';

/** Deepest zoom level proxied; tile servers stop at 19 to 22. */
export const MAX_TILE_ZOOM = 22;

/** A host name label (RFC 1123 §2.1): what `{s}` stands for in a tile URL, e.g. `a`. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const INDEX = /^\d{1,8}$/;

/**
 * The path parts of a tile request as a tile of the Web Mercator grid (z in 0–22, x and y in
 * 0 to 2^z − 1) and a sub-domain label; null for anything else, which then never reaches the
 * tile server (`..%2f` or other path tricks included).
 */
export function parseTileCoordinates(raw: TileCoordinates): TileCoordinates | null {
  const [z, x, y] = [raw.z, raw.x, raw.y].map(String);
  if (!SUBDOMAIN.test(raw.s) || z === undefined || x === undefined || y === undefined) return null;
  if (![z, x, y].every((part) => INDEX.test(part))) return null;
  const zoom = Number(z);
  if (zoom > MAX_TILE_ZOOM) return null;
  const size = 2 ** zoom;
  const [column, row] = [Number(x), Number(y)];
  if (column >= size || row >= size) return null;
  return { s: raw.s, z: zoom, x: column, y: row };
}
