/** Werkzeug `secure_filename`, as FitTrackee applies it to each tile path part (spec §3.8). */
export function secureFileName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^ -~\s]/g, '');
  const spaced = ascii.replace(/[/\\]/g, ' ');
  return spaced
    .split(/\s+/)
    .filter((part) => part !== '')
    .join('_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[._]+|[._]+$/g, '');
}

export interface TileRequest {
  s: string;
  z: string;
  x: string;
  y: string;
}

/** The upstream tile URL: `{s}`, `{z}`, `{x}`, `{y}` of TILE_SERVER_URL replaced (spec §3.8). */
export function tileUrl(template: string, tile: TileRequest): string {
  return template
    .replace('{s}', secureFileName(tile.s))
    .replace('{z}', secureFileName(tile.z))
    .replace('{x}', secureFileName(tile.x))
    .replace('{y}', secureFileName(tile.y));
}
