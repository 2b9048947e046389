import type { ChunkSink } from 'src/workouts/file-uploads/upload-storage-engine';
import type {
  ByteSink,
  StagedFile,
  WorkoutFileStore,
} from 'src/workouts/files/storage/workout-file-store';

/** A file being written as its bytes arrive; `file` settles once it is durable. */
export interface ReceivingFile extends ChunkSink {
  file(): Promise<StagedFile>;
}

/**
 * The files one upload request writes (docs/uploads.md#files), kept together so that they are
 * all moved into place after the rows are committed, or all removed when anything fails —
 * including writes and renames still running when the failure comes, which are waited for
 * first so that each file is removed under its final name.
 */
export class StagedWrites {
  private readonly files: StagedFile[] = [];
  /** Every write and rename started, settled or not (their failures are reported elsewhere). */
  private readonly operations: Promise<unknown>[] = [];
  /** Files still receiving bytes: aborted, not awaited, when the request fails first. */
  private readonly receiving = new Set<ByteSink>();
  private isAbandoned = false;
  /** Committed or handed over: the files are no longer this request's to remove. */
  private isSettled = false;

  constructor(private readonly storage: WorkoutFileStore) {}

  /** Starts writing a file whose path is known later (`name`). */
  stageUnnamed(data: Buffer | readonly Buffer[]): Promise<StagedFile> {
    return this.track(this.storage.stageUnnamed(data));
  }

  /** Starts a file whose bytes are still arriving; named later (`name`), like `stageUnnamed`. */
  receiveUnnamed(): ReceivingFile {
    const { sink, staged } = this.storage.openUnnamed();
    this.receiving.add(sink);
    let finished: Promise<StagedFile> | undefined;
    return {
      write: (chunk) => {
        sink.write(chunk);
      },
      end: () => {
        if (finished !== undefined || !this.receiving.delete(sink)) return;
        finished = this.track(sink.finish().then(() => staged));
        finished.catch(() => undefined); // reported where `file()` is awaited
      },
      file: () => finished ?? notReceived(),
    };
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

  /**
   * Removes every file of the request; does nothing once `commitAll` or `handOver` ran. A file
   * that cannot be removed now (an object store that stopped answering) is handed to the
   * storage, which removes it once it can: no row references it.
   */
  async discardAll(): Promise<void> {
    if (this.isSettled) return;
    this.isAbandoned = true;
    await this.abortReceiving();
    await this.settleAll();
    const files = this.files.splice(0);
    const results = await Promise.allSettled(files.map((file) => this.storage.discard(file)));
    const failed = files.filter((_, i) => results[i]?.status === 'rejected');
    this.storage.resolveLater(failed);
    if (failed.length > 0) throw new Error(`${failed.length} staged files not removed yet`);
  }

  /**
   * After the commit. Never fails: the rows are in, so the request succeeded; a file that
   * cannot be moved now is handed to the storage, which moves it once it can.
   */
  async commitAll(): Promise<void> {
    this.isSettled = true;
    // A file still receiving belongs to no committed row.
    await this.abortReceiving();
    await this.settleAll();
    const results = await Promise.allSettled(this.files.map((file) => this.storage.commit(file)));
    this.storage.resolveLater(this.files.filter((_, i) => results[i]?.status === 'rejected'));
  }

  /**
   * When the commit's outcome is unknown (the database connection was lost during it): the
   * files are neither moved nor deleted here, but resolved by the storage against the rows
   * once the database answers again.
   */
  async handOver(): Promise<void> {
    if (this.isSettled) return;
    this.isSettled = true;
    this.isAbandoned = true;
    await this.abortReceiving();
    await this.settleAll();
    this.storage.resolveLater(this.files);
  }

  private async abortReceiving(): Promise<void> {
    const receiving = [...this.receiving];
    this.receiving.clear();
    await Promise.all(receiving.map((sink) => sink.abort()));
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

/** A refusal its caller may never await (it fails first): handled now, reported where awaited. */
function notReceived(): Promise<StagedFile> {
  const refusal = Promise.reject(new Error('file not received'));
  refusal.catch(() => undefined);
  return refusal;
}
