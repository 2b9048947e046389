import type { Dirent } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { isTempOwnerGone } from 'src/workouts/files/storage/temp-folder-lease';

/** Tells whether a committed database row references this relative path. */
export type CommitResolver = (relativePath: string) => Promise<boolean>;

export interface SweepResult {
  removed: number;
  committed: number;
  /** Files left in place: their owner may still be writing them, or the resolver failed. */
  kept: number;
}

export interface TempSweep {
  /** `<upload folder>/.tmp` */
  tempRoot: string;
  /** How long a folder of another host (or a flat legacy file) stays untouched before it is gone. */
  ttlMs: number;
  /** Final path kept in a temp name, or null for a file not named yet. */
  decode: (tempName: string) => string | null;
  isCommitted: CommitResolver | undefined;
  /** Moves a temp file to its final path (`WorkoutFileStorage.commit`). */
  commit: (tempPath: string, relativePath: string) => Promise<void>;
}

/**
 * Finishes what crashed or stopped instances left in `.tmp/` (`POST /api/workouts` commits the
 * rows before it renames the files):
 * - a temp file whose row is committed is moved into place, whoever owns it, at any age —
 *   its row already points at it, and a rename racing the owner's own is harmless;
 * - any other temp file is deleted only once its owner is provably gone;
 * - a file whose row cannot be checked (database error) is left for the next sweep.
 */
export async function sweepTempFolder(sweep: TempSweep): Promise<SweepResult> {
  const result: SweepResult = { removed: 0, committed: 0, kept: 0 };
  const now = Date.now();
  for (const entry of await list(sweep.tempRoot)) {
    const path = join(sweep.tempRoot, entry.name);
    const info = await stat(path).catch(() => null);
    if (info === null) continue;
    if (entry.isDirectory()) {
      const isGone = isTempOwnerGone(entry.name, info.mtimeMs, now, sweep.ttlMs);
      for (const file of await list(path)) {
        if (file.isFile()) await sweepFile(sweep, join(path, file.name), file.name, isGone, result);
      }
      if (isGone) await rmdir(path).catch(() => undefined);
    } else if (entry.isFile()) {
      // The flat layout of earlier versions, whose owner is unknown: gone once old.
      const isGone = now - info.mtimeMs > sweep.ttlMs;
      await sweepFile(sweep, path, entry.name, isGone, result);
    }
  }
  return result;
}

async function sweepFile(
  sweep: TempSweep,
  tempPath: string,
  name: string,
  isOwnerGone: boolean,
  result: SweepResult,
): Promise<void> {
  const relativePath = sweep.decode(name);
  if (relativePath !== null && sweep.isCommitted !== undefined) {
    let isCommitted: boolean;
    try {
      isCommitted = await sweep.isCommitted(relativePath);
    } catch {
      result.kept += 1;
      return;
    }
    if (isCommitted) {
      try {
        await sweep.commit(tempPath, relativePath);
        result.committed += 1;
      } catch {
        result.kept += 1;
      }
      return;
    }
  }
  if (!isOwnerGone) {
    result.kept += 1;
    return;
  }
  await rm(tempPath, { force: true });
  result.removed += 1;
}

async function list(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
