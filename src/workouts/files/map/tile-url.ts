export interface TileCoordinates {
  s: string;
  z: string | number;
  x: string | number;
  y: string | number;
}

export function fillTileUrl(template: string, tile: TileCoordinates): string {
  return template
    .replace(/\{s\}/g, tile.s)
    .replace(/\{z\}/g, String(tile.z))
    .replace(/\{x\}/g, String(tile.x))
    .replace(/\{y\}/g, String(tile.y));
}

/**
 * Static maps (docs/uploads.md#files): `{s}.` becomes a random sub-domain plus `.`, or disappears
 * when there are none (FitTrackee's `get_static_map_tile_server_url`).
 */
export function staticMapTemplate(template: string, subdomains: readonly string[]): string {
  if (subdomains.length === 0) return template.replace(/\{s\}\./g, '').replace(/\{s\}/g, '');
  const subdomain = subdomains[Math.floor(Math.random() * subdomains.length)] ?? '';
  return template.replace(/\{s\}/g, subdomain);
}
