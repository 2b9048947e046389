import type { ByteSink } from 'src/workouts/files/storage/workout-file-store';

/**
 * The bytes of a file part as they arrive, for a driver that writes whole objects: the upload
 * keeps its chunks in memory anyway (bounded by `max_zip_file_size`), so nothing is copied.
 */
export class MemorySink implements ByteSink {
  readonly chunks: Buffer[] = [];
  private isAborted = false;
  private isFinished = false;

  write(chunk: Buffer): void {
    if (!this.isAborted && !this.isFinished) this.chunks.push(chunk);
  }

  finish(): Promise<void> {
    if (this.isAborted) return Promise.reject(new Error('sink aborted'));
    this.isFinished = true;
    return Promise.resolve();
  }

  abort(): Promise<void> {
    this.isAborted = true;
    this.chunks.length = 0;
    return Promise.resolve();
  }
}
