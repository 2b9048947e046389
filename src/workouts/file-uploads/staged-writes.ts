import type {
  StagedFile,
  WorkoutFileStorage,
} from 'src/workouts/files/storage/workout-file-storage';

/**
 * The files one upload request writes (spec workouts.md §4.4), kept together so that they are
 * all moved into place after the rows are committed, or all removed when anything fails —
 * including writes still running when the failure comes, which are waited for first.
 */
export class StagedWrites {
  private readonly writes: Promise<StagedFile | null>[] = [];

  constructor(private readonly storage: WorkoutFileStorage) {}

  /** Starts writing a file whose path is known later (`name`). */
  stageUnnamed(data: Buffer): Promise<StagedFile> {
    return this.track(this.storage.stageUnnamed(data));
  }

  stage(relativePath: string, data: Buffer): Promise<StagedFile> {
    return this.track(this.storage.stage(relativePath, data));
  }

  name(file: StagedFile, relativePath: string): Promise<void> {
    return this.storage.name(file, relativePath);
  }

  async discardAll(): Promise<void> {
    const files = await Promise.all(this.writes);
    await Promise.all(files.flatMap((file) => (file === null ? [] : [this.storage.discard(file)])));
  }

  /** After the commit: a file that cannot be moved now is finished by the start-up sweep. */
  async commitAll(): Promise<void> {
    const files = await Promise.all(this.writes);
    await Promise.all(files.flatMap((file) => (file === null ? [] : [this.storage.commit(file)])));
  }

  /** The write's own failure reaches whoever awaits it; here it only means nothing to clean. */
  private track(write: Promise<StagedFile>): Promise<StagedFile> {
    this.writes.push(write.catch(() => null));
    return write;
  }
}
