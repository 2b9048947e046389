import type { CommitResolver } from 'src/workouts/files/storage/temp-sweep';

/** What `UnresolvedFiles` needs of a file: its final path ('' when never named). */
export interface PendingFile {
  relativePath: string;
}

export interface FileOutcomes<F extends PendingFile> {
  isCommitted: () => CommitResolver | undefined;
  commit: (file: F) => Promise<void>;
  discard: (file: F) => Promise<void>;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * Staged files whose fate hangs on a commit whose outcome is unknown (the connection was lost
 * during it) or whose rename failed: checked against the database as soon as it answers again,
 * then moved into place if their row exists and deleted otherwise. Retries back off from 1 s
 * to a minute; the timer never keeps the process alive.
 */
export class UnresolvedFiles<F extends PendingFile> {
  private readonly files = new Set<F>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly outcomes: FileOutcomes<F>) {}

  get size(): number {
    return this.files.size;
  }

  add(files: readonly F[]): void {
    for (const file of files) this.files.add(file);
    if (this.files.size > 0) this.schedule(FIRST_RETRY_MS);
  }

  /** Tries every file once; those whose row cannot be checked yet stay. */
  async resolve(): Promise<void> {
    for (const file of [...this.files]) {
      try {
        const resolver = this.outcomes.isCommitted();
        const isCommitted = file.relativePath !== '' && (await resolver?.(file.relativePath));
        if (isCommitted === true) await this.outcomes.commit(file);
        else await this.outcomes.discard(file);
        this.files.delete(file);
      } catch {
        // the database (or the disk) still fails: next round
      }
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.resolve().then(() => {
        if (this.files.size > 0) this.schedule(Math.min(delayMs * 2, MAX_RETRY_MS));
      });
    }, delayMs);
    this.timer.unref();
  }
}
