import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { FileSink } from 'src/workouts/files/storage/file-sink';
import { resolveInside } from 'src/workouts/files/storage/upload-paths';

export interface StagedFile {
  /** Final path, relative to the upload folder (the value stored in the database); '' until named. */
  relativePath: string;
  tempPath: string;
}

/** Tells whether a committed database row references this relative path. */
export type CommitResolver = (relativePath: string) => Promise<boolean>;

export interface SweepResult {
  removed: number;
  committed: number;
}

const TEMP_DIR = '.tmp';
const PART = '.part';
/** `/` cannot appear in a file name: the final path is kept in the temp name with `~`. */
const encode = (relativePath: string): string => relativePath.replace(/\//g, '~');
const decode = (tempName: string): string | null => {
  const match = /^(.+)\.[0-9a-f]{12}\.part$/.exec(tempName);
  return match?.[1] === undefined ? null : match[1].replace(/~/g, '/');
};

/**
 * Files of uploaded workouts under the upload folder (spec workouts.md §4.4). A file is first
 * written to `.tmp/`, the caller commits its database row, then `commit` renames it into place;
 * the start-up sweep finishes or drops whatever a crash left in `.tmp/`, so there is never a
 * row without its file nor an orphan file that nobody removes.
 */
export class WorkoutFileStorage {
  constructor(readonly root: string) {}

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
    const tempPath = this.resolve(`${TEMP_DIR}/${this.unnamedTempName()}`);
    return { sink: new FileSink(tempPath), staged: { relativePath: '', tempPath } };
  }

  private unnamedTempName(): string {
    return `${randomBytes(6).toString('hex')}${PART}`;
  }

  /** Gives an unnamed staged file its final path (kept in its temp name for the sweep). */
  async name(staged: StagedFile, relativePath: string): Promise<void> {
    const tempPath = this.resolve(`${TEMP_DIR}/${this.tempNameOf(relativePath)}`);
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
    const tempPath = this.resolve(`${TEMP_DIR}/${tempName}`);
    // One write for the whole buffer: it does not wait for the event loop between pieces.
    const sink = new FileSink(tempPath);
    if (typeof data === 'string') sink.write(Buffer.from(data));
    else if (Buffer.isBuffer(data)) sink.write(data);
    else for (const chunk of data) sink.write(chunk);
    await sink.finish();
    return tempPath;
  }

  async commit(staged: StagedFile): Promise<void> {
    const target = this.resolve(staged.relativePath);
    await mkdir(dirname(target), { recursive: true });
    await rename(staged.tempPath, target);
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true });
  }

  async read(relativePath: string): Promise<Buffer> {
    return readFile(this.resolve(relativePath));
  }

  /** Deletes a stored file; a missing one is not an error (DELETE of a workout, §6.2). */
  async remove(relativePath: string): Promise<void> {
    await rm(this.resolve(relativePath), { force: true });
  }

  /**
   * Temp files older than `maxAgeMs` are renamed into place when `isCommitted` says their row
   * exists (the crash came between commit and rename), deleted otherwise.
   */
  async sweep(maxAgeMs: number, isCommitted?: CommitResolver): Promise<SweepResult> {
    const result: SweepResult = { removed: 0, committed: 0 };
    const dir = join(this.root, TEMP_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      const tempPath = join(dir, name);
      const info = await stat(tempPath).catch(() => null);
      if (info === null || !info.isFile() || now - info.mtimeMs < maxAgeMs) continue;
      const relativePath = decode(name);
      const isRowCommitted =
        relativePath !== null && isCommitted !== undefined && (await isCommitted(relativePath));
      if (
        relativePath !== null &&
        isRowCommitted &&
        (await this.tryCommit(relativePath, tempPath))
      ) {
        result.committed += 1;
      } else {
        await rm(tempPath, { force: true });
        result.removed += 1;
      }
    }
    return result;
  }

  private async tryCommit(relativePath: string, tempPath: string): Promise<boolean> {
    try {
      await this.commit({ relativePath, tempPath });
      return true;
    } catch {
      return false;
    }
  }
}
