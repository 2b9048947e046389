import { constants as fsConstants, createWriteStream } from 'node:fs';
import {
  type FileHandle,
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  realpath,
  rm,
  stat,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { Injectable } from '@nestjs/common';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';
import type { OpenedObject } from 'src/common/storage/object-store';
import type { S3ObjectStore } from 'src/common/storage/s3-object-store';
import { writePictureFile } from 'src/users/picture-file';

/** An opened regular file; the caller closes the handle (or lets a stream close it). */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
}

/**
 * Files of users: avatars, workout files, export archives, under the upload folder
 * (`UPLOAD_FOLDER`) or in the bucket of the S3 driver (docs/storage.md). Every path is relative
 * to the folder (or the key prefix); `..`, absolute paths and symlinks are refused so that a
 * stored or requested name can never reach a file outside it.
 */
@Injectable()
export class UserFilesService {
  private readonly root: string;
  private readonly s3: S3ObjectStore | undefined;

  constructor(storage: ObjectStorageService) {
    this.root = resolve(storage.uploadFolder);
    this.s3 = storage.s3;
  }

  /** A stream of a stored file, or null when it does not exist (or is not a regular file). */
  async open(relativePath: string): Promise<OpenedObject | null> {
    if (this.s3 !== undefined) return this.s3.open(relativePath);
    const opened = await this.openRegularFile(relativePath);
    return opened === null ? null : { stream: opened.handle.createReadStream(), size: opened.size };
  }

  async read(relativePath: string): Promise<Buffer | null> {
    if (this.s3 !== undefined) return this.s3.read(relativePath);
    return this.readRegularFile(relativePath);
  }

  /** Replaces a picture at once: readers see the old one or the new one, never a part. */
  async writePicture(relativePath: string, data: Buffer): Promise<void> {
    if (this.s3 !== undefined) return this.s3.put(relativePath, data);
    const absolute = this.resolvePath(relativePath);
    if (absolute === null) throw new Error(`invalid upload path: ${relativePath}`);
    await writePictureFile(absolute, data);
  }

  /** Names of the regular files directly in a folder, sorted; symlinks are skipped. */
  async listFiles(folder: string): Promise<string[]> {
    if (this.s3 !== undefined) {
      const objects = await this.s3.list(folder);
      return objects
        .map((object) => object.path.slice(folder.length + 1))
        .filter((name) => !name.includes('/'))
        .sort();
    }
    const absolute = this.resolvePath(folder);
    if (absolute === null) return [];
    try {
      const entries = await readdir(absolute, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort();
    } catch {
      return [];
    }
  }

  /**
   * Writes a generated file (an export archive) from a stream; returns its size. For a bucket
   * it goes through a private temp file first: S3 needs the size before the first byte.
   */
  async writeStream(relativePath: string, source: NodeJS.ReadableStream): Promise<number> {
    if (this.s3 === undefined) {
      await this.ensureDirectory(dirname(relativePath));
      const absolute = this.resolvePath(relativePath) ?? '';
      await pipeline(source, createWriteStream(absolute, { flags: 'wx', mode: 0o600 }));
      return (await stat(absolute)).size;
    }
    const folder = await mkdtemp(join(tmpdir(), 'pacekeeper-'));
    try {
      const temp = join(folder, 'file');
      await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const handle = await open(temp, 'r');
      const { size } = await handle.stat();
      await this.s3.put(relativePath, { stream: handle.createReadStream(), size });
      return size;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** Absolute path of `relativePath`, or null when it would leave the upload folder. */
  private resolvePath(relativePath: string): string | null {
    if (relativePath === '' || relativePath.includes('\0') || isAbsolute(relativePath)) return null;
    if (relativePath.split(/[\\/]/).includes('..')) return null;
    const absolute = resolve(this.root, relativePath);
    return absolute.startsWith(this.root + sep) ? absolute : null;
  }

  /** Opens a regular file without following symlinks, or null when it is not one. */
  private async openRegularFile(relativePath: string): Promise<OpenedFile | null> {
    const absolute = await this.resolveExisting(relativePath);
    if (absolute === null) return null;
    let handle: FileHandle;
    try {
      handle = await open(absolute, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
    } catch {
      return null;
    }
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return null;
    }
    return { handle, size: stats.size };
  }

  private async readRegularFile(relativePath: string): Promise<Buffer | null> {
    const opened = await this.openRegularFile(relativePath);
    if (opened === null) return null;
    try {
      return await opened.handle.readFile();
    } finally {
      await opened.handle.close();
    }
  }

  /** Creates a folder (and its parents) inside the upload folder; returns its absolute path. */
  private async ensureDirectory(relativePath: string): Promise<string> {
    const absolute = this.resolvePath(relativePath);
    if (absolute === null) throw new Error(`invalid upload path: ${relativePath}`);
    await mkdir(absolute, { recursive: true });
    if ((await this.resolveExisting(relativePath)) === null || !(await isRealDirectory(absolute)))
      throw new Error(`upload path is not a directory: ${relativePath}`);
    return absolute;
  }

  /**
   * Removes a file or a folder tree. A symlink is removed itself, never its target (fs.rm
   * does not follow links inside the tree); missing paths are ignored.
   */
  async remove(relativePath: string): Promise<void> {
    if (this.s3 !== undefined) {
      await this.s3.remove(relativePath);
      await this.s3.removeFolder(relativePath);
      return;
    }
    const absolute = await this.resolveExisting(relativePath);
    if (absolute === null) return;
    await rm(absolute, { recursive: true, force: true });
  }

  /**
   * The path if its parent folder, once symlinks are resolved, is still inside the upload
   * folder (a symlinked `exports/` must not redirect reads or deletions elsewhere).
   */
  private async resolveExisting(relativePath: string): Promise<string | null> {
    const absolute = this.resolvePath(relativePath);
    if (absolute === null) return null;
    try {
      const realRoot = await realpath(this.root);
      const realParent = await realpath(dirname(absolute));
      const inside = relative(realRoot, realParent);
      if (inside.startsWith('..') || isAbsolute(inside)) return null;
      return join(realParent, absolute.slice(dirname(absolute).length + 1));
    } catch {
      return null;
    }
  }
}

async function isRealDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}
