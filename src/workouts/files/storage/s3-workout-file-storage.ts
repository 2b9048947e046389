import type { OpenedObject } from 'src/common/storage/object-store';
import type { S3ObjectStore } from 'src/common/storage/s3-object-store';
import { MemorySink } from 'src/workouts/files/storage/memory-sink';
import { sweepObjects } from 'src/workouts/files/storage/object-sweep';
import type { CommitResolver, SweepResult } from 'src/workouts/files/storage/temp-sweep';
import { UnresolvedFiles } from 'src/workouts/files/storage/unresolved-files';
import type {
  ByteSink,
  StagedFile,
  WorkoutFileStore,
} from 'src/workouts/files/storage/workout-file-store';

/** As long as a temp folder of a silent instance is kept (`TEMP_OWNER_TTL_MS`). */
export const ORPHAN_GRACE_MS = 15 * 60 * 1000;

type Bytes = Buffer | readonly Buffer[] | string;

const toBuffer = (data: Bytes): Buffer =>
  typeof data === 'string' ? Buffer.from(data) : Buffer.isBuffer(data) ? data : Buffer.concat(data);

/**
 * Workout files in an S3-compatible bucket (docs/storage.md#all-or-nothing). A bucket has no
 * rename, so the order is: bytes kept in memory until the final key is known (`name`), the
 * object written under that key before the transaction commits, deleted if it rolls back;
 * `commit` has nothing left to do. A crash between the write and the commit leaves an object
 * without a row, which `sweep` deletes once older than `ORPHAN_GRACE_MS`.
 */
export class S3WorkoutFileStorage implements WorkoutFileStore {
  private commitResolver: CommitResolver | undefined;
  /** Bytes of staged files that have no key yet. */
  private readonly pending = new WeakMap<StagedFile, Buffer | MemorySink>();
  protected readonly unresolved = new UnresolvedFiles<StagedFile>({
    isCommitted: () => this.commitResolver,
    commit: () => Promise.resolve(),
    discard: (file) => this.discard(file),
  });

  constructor(readonly store: S3ObjectStore) {}

  setCommitResolver(resolver: CommitResolver): void {
    this.commitResolver = resolver;
  }

  async stage(relativePath: string, data: Buffer | string): Promise<StagedFile> {
    try {
      await this.store.put(relativePath, toBuffer(data));
    } catch (error) {
      // The store may have kept it (an answer lost on the way back): the sweep's otherwise.
      await this.store.remove(relativePath).catch(() => undefined);
      throw error;
    }
    return { relativePath, tempPath: '' };
  }

  stageUnnamed(data: Bytes): Promise<StagedFile> {
    const staged = { relativePath: '', tempPath: '' };
    this.pending.set(staged, toBuffer(data));
    return Promise.resolve(staged);
  }

  openUnnamed(): { sink: ByteSink; staged: StagedFile } {
    const sink = new MemorySink();
    const staged = { relativePath: '', tempPath: '' };
    this.pending.set(staged, sink);
    return { sink, staged };
  }

  /** Writes the object under its final key; from here on, a failure must delete it. */
  async name(staged: StagedFile, relativePath: string): Promise<void> {
    const bytes = this.pending.get(staged);
    if (bytes === undefined) throw new Error('staged file has no bytes');
    this.pending.delete(staged);
    // Named first: a write that fails half-way is still deleted by `discard`.
    staged.relativePath = relativePath;
    await this.store.put(relativePath, Buffer.isBuffer(bytes) ? bytes : toBuffer(bytes.chunks));
  }

  commit(): Promise<void> {
    return Promise.resolve();
  }

  async discard(staged: StagedFile): Promise<void> {
    this.pending.delete(staged);
    if (staged.relativePath !== '') await this.store.remove(staged.relativePath);
  }

  resolveLater(files: readonly StagedFile[]): void {
    this.unresolved.add(files);
  }

  resolvePending(): Promise<void> {
    return this.unresolved.resolve();
  }

  async read(relativePath: string): Promise<Buffer> {
    const content = await this.store.read(relativePath);
    if (content === null) throw Object.assign(new Error('no such object'), { code: 'ENOENT' });
    return content;
  }

  readIfExists(relativePath: string): Promise<Buffer | null> {
    return this.store.read(relativePath);
  }

  open(relativePath: string): Promise<OpenedObject | null> {
    return this.store.open(relativePath);
  }

  remove(relativePath: string): Promise<void> {
    return this.store.remove(relativePath);
  }

  /** Deletes the workout objects no row references, once older than `graceMs`. */
  async sweep(graceMs = ORPHAN_GRACE_MS): Promise<SweepResult> {
    const isCommitted = this.commitResolver;
    if (isCommitted === undefined) return { removed: 0, committed: 0, kept: 0 };
    return sweepObjects({
      objects: await this.store.list('workouts'),
      graceMs,
      now: Date.now(),
      isCommitted,
      remove: (path) => this.store.remove(path),
    });
  }
}
