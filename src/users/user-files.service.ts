import { constants as fsConstants } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, realpath, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';

/** An opened regular file; the caller closes the handle (or lets a stream close it). */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
}

/**
 * Files under the upload folder (`UPLOAD_FOLDER`): avatars, workout files, export archives.
 * Every path is relative to the folder; `..`, absolute paths and symlinks are refused so that
 * a stored or requested name can never reach a file outside it.
 */
@Injectable()
export class UserFilesService {
  private readonly root: string;

  constructor(config: ConfigService<AppConfig, true>) {
    this.root = resolve(config.get('app.uploadFolder', { infer: true }));
  }

  /** Absolute path of `relativePath`, or null when it would leave the upload folder. */
  resolvePath(relativePath: string): string | null {
    if (relativePath === '' || relativePath.includes('\0') || isAbsolute(relativePath)) return null;
    if (relativePath.split(/[\\/]/).includes('..')) return null;
    const absolute = resolve(this.root, relativePath);
    return absolute.startsWith(this.root + sep) ? absolute : null;
  }

  /** Opens a regular file without following symlinks, or null when it is not one. */
  async openRegularFile(relativePath: string): Promise<OpenedFile | null> {
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

  async readRegularFile(relativePath: string): Promise<Buffer | null> {
    const opened = await this.openRegularFile(relativePath);
    if (opened === null) return null;
    try {
      return await opened.handle.readFile();
    } finally {
      await opened.handle.close();
    }
  }

  /** Creates a folder (and its parents) inside the upload folder; returns its absolute path. */
  async ensureDirectory(relativePath: string): Promise<string> {
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
