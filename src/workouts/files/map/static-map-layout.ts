import { latToPixelY, lonToPixelX, TILE_SIZE } from 'src/workouts/files/map/web-mercator';

export interface MapSize {
  width: number;
  height: number;
  padding: number;
}

/** docs/uploads.md#files: 400 × 225 px, padding 10 px. */
export const STATIC_MAP_SIZE: MapSize = { width: 400, height: 225, padding: 10 };
export const MAX_ZOOM = 17;

export interface TileRef {
  x: number;
  y: number;
  /** Where the tile's top-left corner lands in the image. */
  left: number;
  top: number;
}

export interface MapLayout {
  zoom: number;
  /** Image coordinates of the track points, as x0, y0, x1, y1... */
  points: Float64Array;
  tiles: TileRef[];
}

/** A map cannot be laid out for these points (the upload then goes without map). */
export class MapLayoutError extends Error {}

/**
 * Fits the track in the image like the `staticmap` library FitTrackee uses: the highest zoom
 * at which the track's bounds fit inside the padded image, centred on the bounds. Its cost
 * never depends on the values: coordinates outside the globe are refused (with them, no zoom
 * fits and the tile range is unbounded), and so is a layout needing more tiles than the image
 * can show.
 */
export function layoutMap(
  lats: ArrayLike<number>,
  lons: ArrayLike<number>,
  size: MapSize = STATIC_MAP_SIZE,
): MapLayout {
  let [minLat, maxLat, minLon, maxLon] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < lats.length; i++) {
    const [lat, lon] = [lats[i] ?? 0, lons[i] ?? 0];
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      throw new MapLayoutError(`point ${i} (${lat}, ${lon}) is not on the globe`);
    }
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  let zoom = MAX_ZOOM;
  for (; zoom > 0; zoom--) {
    const width = lonToPixelX(maxLon, zoom) - lonToPixelX(minLon, zoom);
    const height = latToPixelY(minLat, zoom) - latToPixelY(maxLat, zoom);
    if (width <= size.width - 2 * size.padding && height <= size.height - 2 * size.padding) break;
  }
  const centerX = (lonToPixelX(minLon, zoom) + lonToPixelX(maxLon, zoom)) / 2;
  const centerY = (latToPixelY(minLat, zoom) + latToPixelY(maxLat, zoom)) / 2;
  // A whole-pixel origin keeps tiles and track aligned.
  const originX = Math.round(centerX - size.width / 2);
  const originY = Math.round(centerY - size.height / 2);
  const points = new Float64Array(lats.length * 2);
  for (let i = 0; i < lats.length; i++) {
    points[2 * i] = lonToPixelX(lons[i] ?? 0, zoom) - originX;
    points[2 * i + 1] = latToPixelY(lats[i] ?? 0, zoom) - originY;
  }
  return { zoom, points, tiles: coveringTiles(zoom, originX, originY, size) };
}

/** The most tiles an image of `size` can overlap: one more than fit across, each way. */
export function maxTiles(size: MapSize): number {
  return (Math.ceil(size.width / TILE_SIZE) + 1) * (Math.ceil(size.height / TILE_SIZE) + 1);
}

function coveringTiles(zoom: number, originX: number, originY: number, size: MapSize): TileRef[] {
  const count = 2 ** zoom;
  const tiles: TileRef[] = [];
  const [firstX, lastX] = [
    Math.floor(originX / TILE_SIZE),
    Math.floor((originX + size.width - 1) / TILE_SIZE),
  ];
  const [firstY, lastY] = [
    Math.floor(originY / TILE_SIZE),
    Math.floor((originY + size.height - 1) / TILE_SIZE),
  ];
  // Beyond 2^53 `tx++` stops counting: the loops below would never end.
  const columns = lastX - firstX + 1;
  const rows = lastY - firstY + 1;
  if (
    !Number.isSafeInteger(firstX) ||
    !Number.isSafeInteger(firstY) ||
    !(columns * rows <= maxTiles(size))
  ) {
    throw new MapLayoutError(`the map would need ${columns} × ${rows} tiles`);
  }
  for (let ty = Math.max(firstY, 0); ty <= Math.min(lastY, count - 1); ty++) {
    for (let tx = firstX; tx <= lastX; tx++) {
      tiles.push({
        x: ((tx % count) + count) % count,
        y: ty,
        left: tx * TILE_SIZE - originX,
        top: ty * TILE_SIZE - originY,
      });
    }
  }
  return tiles;
}
