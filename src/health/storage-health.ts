import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

import type { ObjectStorageService } from 'src/common/storage/object-storage.service';

/**
 * Whether workout files, pictures and exports can be stored now. One implementation per
 * storage driver: the local folder below; an object-store driver provides its own (e.g. a
 * HEAD request on its bucket) through `STORAGE_HEALTH` (docs/operations.md#health).
 */
export interface StorageHealth {
  /** Undefined when files can be stored, else why not: an error code, never a path or a host. */
  problem(): Promise<string | undefined>;
}

export const STORAGE_HEALTH = Symbol('STORAGE_HEALTH');

/**
 * The upload folder exists, is a folder, and this process may read and write it: two system
 * calls, no file written, so a probe every few seconds costs nothing (a full disk is reported
 * by the uploads themselves, 507).
 */
export class LocalFolderHealth implements StorageHealth {
  constructor(private readonly folder: string) {}

  async problem(): Promise<string | undefined> {
    try {
      if (!(await stat(this.folder)).isDirectory()) return 'ENOTDIR';
      await access(this.folder, constants.R_OK | constants.W_OK);
      return undefined;
    } catch (error) {
      const code: unknown = (error as { code?: unknown }).code;
      return typeof code === 'string' ? code : 'unavailable';
    }
  }
}

/** The S3-compatible bucket answers a HeadBucket (docs/storage.md). */
export class ObjectStoreHealth implements StorageHealth {
  constructor(private readonly storage: ObjectStorageService) {}

  async problem(): Promise<string | undefined> {
    const ping = await this.storage.ping();
    return ping.isUp ? undefined : (ping.message ?? 'unavailable');
  }
}
