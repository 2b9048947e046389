/** Werkzeug's `secure_filename`, which FitTrackee applies to the tile proxy's path parts (§3.8). */
export function secureFilename(name: string): string {
  // Drop everything outside ASCII after decomposition (\u0080 and above).
  const ascii = name.normalize('NFKD').replace(/[\u0080-\uffff]/g, '');
  return ascii
    .replace(/\//g, ' ')
    .trim()
    .split(/\s+/)
    .join('_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[._]+|[._]+$/g, '');
}

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
 * Static maps (§4.4): `{s}.` becomes a random sub-domain plus `.`, or disappears when there
 * are none (FitTrackee's `get_static_map_tile_server_url`).
 */
export function staticMapTemplate(template: string, subdomains: readonly string[]): string {
  if (subdomains.length === 0) return template.replace(/\{s\}\./g, '').replace(/\{s\}/g, '');
  const subdomain = subdomains[Math.floor(Math.random() * subdomains.length)] ?? '';
  return template.replace(/\{s\}/g, subdomain);
}
