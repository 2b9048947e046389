import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A new file written chunk by chunk while the chunks are still arriving (an upload being
 * received): the writes run on the thread pool in batches, one `writev` per batch, so the
 * disk works while the request is read and analysed. `finish` syncs and closes it; `abort`
 * (or a failed write) removes it. A file that already existed is never touched.
 */
export class FileSink {
  private readonly handle: Promise<FileHandle | null>;
  private pending: Buffer[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private isClosed = false;
  private isAborted = false;

  constructor(readonly path: string) {
    this.handle = mkdir(dirname(path), { recursive: true })
      .then(() => open(path, 'wx', 0o640))
      .catch((error: unknown) => {
        this.failure ??= error as Error;
        return null;
      });
  }

  /** Queues a chunk; the caller keeps it unchanged until `finish` settles. */
  write(chunk: Buffer): void {
    if (this.isClosed || this.failure !== null || chunk.length === 0) return;
    this.pending.push(chunk);
    this.flushing ??= this.flush();
  }

  /** Every chunk written and synced, the file closed; on failure the file is removed. */
  async finish(): Promise<void> {
    if (this.isAborted) throw new Error('file sink aborted');
    this.isClosed = true;
    await this.drain();
    const handle = await this.handle;
    if (handle !== null && this.failure === null) {
      try {
        await handle.sync();
      } catch (error) {
        this.failure = error as Error;
      }
    }
    await this.close(handle);
    if (this.failure !== null) throw this.failure;
  }

  /** Stops writing and removes the file; safe to call at any time, more than once. */
  async abort(): Promise<void> {
    this.isAborted = true;
    this.isClosed = true;
    this.pending = [];
    await this.drain();
    this.failure ??= new Error('file sink aborted');
    await this.close(await this.handle);
  }

  private async flush(): Promise<void> {
    try {
      const handle = await this.handle;
      while (handle !== null && this.pending.length > 0 && this.failure === null) {
        const batch = this.pending;
        this.pending = [];
        await writeAll(handle, batch);
      }
    } catch (error) {
      this.failure ??= error as Error;
    } finally {
      this.flushing = null;
    }
  }

  private async drain(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  /** Closes the file this sink created, and removes it unless it was written in full. */
  private async close(handle: FileHandle | null): Promise<void> {
    if (handle === null) return;
    try {
      await handle.close();
    } catch {
      // already closed by an earlier finish or abort
    }
    if (this.failure !== null) await rm(this.path, { force: true });
  }
}

/** `writev` may write less than asked (disk full, signals): the rest is written again. */
async function writeAll(handle: FileHandle, chunks: Buffer[]): Promise<void> {
  let rest = chunks;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    if (bytesWritten === 0) throw new Error(`no progress writing ${handle.fd}`);
    let index = 0;
    while (index < rest.length && bytesWritten >= (rest[index]?.length ?? 0)) {
      bytesWritten -= rest[index]?.length ?? 0;
      index++;
    }
    rest = rest.slice(index);
    if (bytesWritten > 0 && rest[0] !== undefined) rest[0] = rest[0].subarray(bytesWritten);
  }
}
