import { createHash } from 'node:crypto';

/** `map_id` = MD5 hex digest of the PNG bytes (FitTrackee workout model, docs/uploads.md#files). */
export function computeMapId(png: Buffer): string {
  return createHash('md5').update(png).digest('hex');
}
