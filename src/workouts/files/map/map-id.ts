import { createHash } from 'node:crypto';

/** `map_id` = MD5 hex digest of the PNG bytes (spec workouts.md §1.1, §4.4). */
export function computeMapId(png: Buffer): string {
  return createHash('md5').update(png).digest('hex');
}
