import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { OpenedObject } from 'src/common/storage/object-store';
import { FileSink } from 'src/workouts/files/storage/file-sink';
import { TempFolderLease } from 'src/workouts/files/storage/temp-folder-lease';
import {
  type CommitResolver,
  type SweepResult,
  sweepTempFolder,
} from 'src/workouts/files/storage/temp-sweep';
import { UnresolvedFiles } from 'src/workouts/files/storage/unresolved-files';
import { resolveInside } from 'src/workouts/files/storage/upload-paths';
import type { StagedFile, WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';

export type { CommitResolver, SweepResult } from 'src/workouts/files/storage/temp-sweep';
export type { StagedFile } from 'src/workouts/files/storage/workout-file-store';

const TEMP_DIR = '.tmp';
const PART = '.part';
/** `/` cannot appear in a file name: the final path is kept in the temp name with `~`. */
const encode = (relativePath: string): string => relativePath.replace(/\//g, '~');
const decode = (tempName: string): string | null => {
  const match = /^(.+)\.[0-9a-f]{12}\.part$/.exec(tempName);
  return match?.[1] === undefined ? null : match[1].replace(/~/g, '/');
};

/** How long a temp folder of another host, or a flat legacy temp file, must be untouched to be gone. */
export const TEMP_OWNER_TTL_MS = 15 * 60 * 1000;

/**
 * Files of uploaded workouts under the upload folder (FitTrackee `POST /api/workouts`). A file
 * is first written to this instance's folder under `.tmp/`, the caller commits its database
 * row, then `commit` renames it into place; the sweep finishes or drops whatever a crash left
 * in `.tmp/`, so there is never a row without its file nor an orphan file that nobody removes.
 */
export class WorkoutFileStorage implements WorkoutFileStore {
  protected readonly lease: TempFolderLease;
  private commitResolver: CommitResolver | undefined;
  protected readonly unresolved = new UnresolvedFiles<StagedFile>({
    isCommitted: () => this.commitResolver,
    commit: (file) => this.commit(file),
    discard: (file) => this.discard(file),
  });

  constructor(readonly root: string) {
    this.lease = new TempFolderLease(join(root, TEMP_DIR));
  }

  /** Does a committed row reference this path? Used by the sweep and by `resolveLater`. */
  setCommitResolver(resolver: CommitResolver): void {
    this.commitResolver = resolver;
  }

  resolve(relativePath: string): string {
    return resolveInside(this.root, relativePath);
  }

  async stage(relativePath: string, data: Buffer | string): Promise<StagedFile> {
    return { relativePath, tempPath: await this.writeTemp(this.tempNameOf(relativePath), data) };
  }

  /**
   * Writes a file whose final path is not known yet (it depends on what is being computed
   * meanwhile); `name` gives it one before its row is committed. Until then the sweep can only
   * delete it.
   */
  async stageUnnamed(data: Buffer | readonly Buffer[] | string): Promise<StagedFile> {
    return { relativePath: '', tempPath: await this.writeTemp(this.unnamedTempName(), data) };
  }

  /**
   * Like `stageUnnamed`, for bytes still arriving: the sink writes them as they come, and its
   * `finish` makes the file durable. Whatever happens to the sink, the sweep can delete it.
   */
  openUnnamed(): { sink: FileSink; staged: StagedFile } {
    const tempPath = join(this.lease.path, this.unnamedTempName());
    return { sink: new FileSink(tempPath), staged: { relativePath: '', tempPath } };
  }

  private unnamedTempName(): string {
    return `${randomBytes(6).toString('hex')}${PART}`;
  }

  /** Gives an unnamed staged file its final path (kept in its temp name for the sweep). */
  async name(staged: StagedFile, relativePath: string): Promise<void> {
    const tempPath = join(this.lease.path, this.tempNameOf(relativePath));
    await rename(staged.tempPath, tempPath);
    staged.tempPath = tempPath;
    staged.relativePath = relativePath;
  }

  /** A fresh temp name that keeps the final path (checked to stay inside the root) for the sweep. */
  private tempNameOf(relativePath: string): string {
    this.resolve(relativePath);
    return `${encode(relativePath)}.${randomBytes(6).toString('hex')}${PART}`;
  }

  private async writeTemp(
    tempName: string,
    data: Buffer | readonly Buffer[] | string,
  ): Promise<string> {
    const tempPath = join(this.lease.path, tempName);
    // One write for the whole buffer: it does not wait for the event loop between pieces.
    const sink = new FileSink(tempPath);
    if (typeof data === 'string') sink.write(Buffer.from(data));
    else if (Buffer.isBuffer(data)) sink.write(data);
    else for (const chunk of data) sink.write(chunk);
    await sink.finish();
    return tempPath;
  }

  /**
   * Moves a staged file into place. A sweep may have moved it first (its row was committed):
   * the file then already is where it belongs.
   */
  async commit(staged: StagedFile): Promise<void> {
    const target = this.resolve(staged.relativePath);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(staged.tempPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !(await isFile(target)))
        throw error;
    }
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true });
  }

  /**
   * Files whose fate depends on a commit whose outcome is unknown, or whose rename failed
   * after the commit: see `UnresolvedFiles`.
   */
  resolveLater(files: readonly StagedFile[]): void {
    this.unresolved.add(files);
  }

  /** One attempt at every file handed to `resolveLater` (a timer also retries them). */
  resolvePending(): Promise<void> {
    return this.unresolved.resolve();
  }

  async read(relativePath: string): Promise<Buffer> {
    return readFile(this.resolve(relativePath));
  }

  /** The file, or null when it does not exist (other read failures still throw). */
  async readIfExists(relativePath: string): Promise<Buffer | null> {
    try {
      return await this.read(relativePath);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  }

  /** Streamed from an open descriptor: a file removed meanwhile still reads whole. */
  async open(relativePath: string): Promise<OpenedObject | null> {
    let handle;
    try {
      handle = await open(this.resolve(relativePath), 'r');
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return null;
    }
    return { stream: handle.createReadStream(), size: info.size };
  }

  /**
   * Deletes a stored file; a missing one is not an error (DELETE of a workout, FitTrackee
   * `DELETE /api/workouts/<workout_id>`).
   */
  async remove(relativePath: string): Promise<void> {
    await rm(this.resolve(relativePath), { force: true });
  }

  /** See `sweepTempFolder`: safe while other instances write to the same folder. */
  sweep(ttlMs = TEMP_OWNER_TTL_MS): Promise<SweepResult> {
    return sweepTempFolder({
      tempRoot: join(this.root, TEMP_DIR),
      ttlMs,
      decode,
      isCommitted: this.commitResolver,
      commit: (tempPath, relativePath) => this.commit({ tempPath, relativePath }),
    });
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
