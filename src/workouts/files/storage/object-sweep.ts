import type { StoredObject } from 'src/common/storage/object-store';
import type { CommitResolver, SweepResult } from 'src/workouts/files/storage/temp-sweep';

export interface ObjectSweep {
  objects: readonly StoredObject[];
  /** Objects younger than this may belong to an upload whose transaction is still open. */
  graceMs: number;
  now: number;
  isCommitted: CommitResolver;
  remove: (path: string) => Promise<void>;
}

/**
 * The object-store counterpart of the temp-folder sweep (docs/storage.md#all-or-nothing): an
 * upload writes its objects under their final keys before its transaction commits, so an
 * object that no row references and that is older than the grace period was left by an
 * instance that crashed or lost the store mid-request: it is deleted. An object whose row
 * cannot be checked (database error) is kept for the next sweep.
 */
export async function sweepObjects(sweep: ObjectSweep): Promise<SweepResult> {
  const result: SweepResult = { removed: 0, committed: 0, kept: 0 };
  for (const object of sweep.objects) {
    if (sweep.now - object.lastModified.getTime() <= sweep.graceMs) {
      result.kept += 1;
      continue;
    }
    try {
      if (await sweep.isCommitted(object.path)) continue;
      await sweep.remove(object.path);
      result.removed += 1;
    } catch {
      result.kept += 1;
    }
  }
  return result;
}
