import type {
  StagedFile,
  WorkoutFileStorage,
} from 'src/workouts/files/storage/workout-file-storage';

/**
 * The files one upload request writes (spec workouts.md §4.4), kept together so that they are
 * all moved into place after the rows are committed, or all removed when anything fails —
 * including writes and renames still running when the failure comes, which are waited for
 * first so that each file is removed under its final name.
 */
export class StagedWrites {
  private readonly files: StagedFile[] = [];
  /** Every write and rename started, settled or not (their failures are reported elsewhere). */
  private readonly operations: Promise<unknown>[] = [];
  private isAbandoned = false;

  constructor(private readonly storage: WorkoutFileStorage) {}

  /** Starts writing a file whose path is known later (`name`). */
  stageUnnamed(data: Buffer): Promise<StagedFile> {
    return this.track(this.storage.stageUnnamed(data));
  }

  stage(relativePath: string, data: Buffer): Promise<StagedFile> {
    return this.track(this.storage.stage(relativePath, data));
  }

  /** Refused once the request is being rolled back: its files are on their way out. */
  async name(file: StagedFile, relativePath: string): Promise<void> {
    if (this.isAbandoned) throw new Error('upload abandoned');
    const rename = this.storage.name(file, relativePath);
    this.operations.push(rename.catch(() => undefined));
    await rename;
  }

  async discardAll(): Promise<void> {
    this.isAbandoned = true;
    await this.settleAll();
    await Promise.all(this.files.map((file) => this.storage.discard(file)));
  }

  /** After the commit: a file that cannot be moved now is finished by the start-up sweep. */
  async commitAll(): Promise<void> {
    await this.settleAll();
    await Promise.all(this.files.map((file) => this.storage.commit(file)));
  }

  /** Waits until no operation is running, including any started while waiting. */
  private async settleAll(): Promise<void> {
    for (let seen = -1; seen !== this.operations.length;) {
      seen = this.operations.length;
      await Promise.all(this.operations);
    }
  }

  private track(write: Promise<StagedFile>): Promise<StagedFile> {
    this.operations.push(
      write.then(
        (file) => {
          this.files.push(file);
        },
        () => undefined,
      ),
    );
    return write;
  }
}
