import type { OpenedObject } from 'src/common/storage/object-store';
import type { CommitResolver } from 'src/workouts/files/storage/temp-sweep';

export interface StagedFile {
  /** Final path, relative to the upload folder (the value stored in the database); '' until named. */
  relativePath: string;
  /** Where the bytes wait for the commit: a temp file ('' with a driver that has none). */
  tempPath: string;
}

/** Bytes of a file still arriving (an upload being received). */
export interface ByteSink {
  write(chunk: Buffer): void;
  /** Every chunk kept; the file can now be named and committed. */
  finish(): Promise<void>;
  /** Drops what was written; safe at any time, more than once. */
  abort(): Promise<void>;
}

/**
 * The files of uploaded workouts (FitTrackee `POST /api/workouts`), whatever the driver
 * (docs/storage.md#all-or-nothing): a file is staged, named once its final path is known, and
 * committed after its database row; discarded when the request fails; and handed over to
 * `resolveLater` when the commit's outcome is unknown. No row is ever left without its file,
 * and no file without a row outlives the driver's sweep.
 */
export abstract class WorkoutFileStore {
  /** Does a committed row reference this path? Used by the sweep and by `resolveLater`. */
  abstract setCommitResolver(resolver: CommitResolver): void;
  abstract stage(relativePath: string, data: Buffer | string): Promise<StagedFile>;
  abstract stageUnnamed(data: Buffer | readonly Buffer[] | string): Promise<StagedFile>;
  abstract openUnnamed(): { sink: ByteSink; staged: StagedFile };
  abstract name(staged: StagedFile, relativePath: string): Promise<void>;
  abstract commit(staged: StagedFile): Promise<void>;
  abstract discard(staged: StagedFile): Promise<void>;
  abstract resolveLater(files: readonly StagedFile[]): void;
  abstract read(relativePath: string): Promise<Buffer>;
  /** The file, or null when it does not exist (other read failures still throw). */
  abstract readIfExists(relativePath: string): Promise<Buffer | null>;
  /** A stream of the file for a download, or null when it does not exist. */
  abstract open(relativePath: string): Promise<OpenedObject | null>;
  /** A missing file is not an error. */
  abstract remove(relativePath: string): Promise<void>;
}
