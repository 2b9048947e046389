import { createHash } from 'node:crypto';

/**
 * `npm test` runs a small fixed budget; `npm run fuzz` a long one. FUZZ_SEED and FUZZ_RUNS
 * override both (FUZZ_RUNS is per operation).
 */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20_251_111);
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);

/** A seed per operation, so adding one operation does not change the cases of the others. */
export function seedFor(label: string): number {
  return (FUZZ_SEED ^ createHash('sha256').update(label).digest().readInt32BE(0)) | 0;
}
