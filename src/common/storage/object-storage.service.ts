import { constants as fsConstants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';

import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createS3Client, S3ObjectStore } from 'src/common/storage/s3-object-store';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
import type { AppConfig } from 'src/config/configuration';

export interface StoragePing {
  isUp: boolean;
  /** What failed, without hosts or credentials (the public health endpoint shows it). */
  message?: string;
}

/**
 * The file storage chosen by STORAGE_DRIVER (docs/storage.md): the upload folder (`s3`
 * undefined, the default) or an S3-compatible bucket. Features ask it which one is in use;
 * `ping` is the storage's readiness check (GET /api/health, `pacekeeper health`).
 */
@Injectable()
export class ObjectStorageService implements OnApplicationShutdown {
  readonly uploadFolder: string;
  readonly s3: S3ObjectStore | undefined;

  constructor(config: ConfigService<AppConfig, true>) {
    this.uploadFolder = config.get('app.uploadFolder', { infer: true });
    const settings = config.get('storage', { infer: true });
    this.s3 =
      settings.s3 === undefined
        ? undefined
        : new S3ObjectStore(createS3Client(settings.s3), settings.s3.bucket, settings.s3.keyPrefix);
  }

  get driver(): 'local' | 's3' {
    return this.s3 === undefined ? 'local' : 's3';
  }

  /** The bucket answers (HeadBucket), or the upload folder exists and is writable. */
  async ping(): Promise<StoragePing> {
    try {
      if (this.s3 !== undefined) {
        await this.s3.ping();
      } else {
        await mkdir(this.uploadFolder, { recursive: true });
        await access(this.uploadFolder, fsConstants.W_OK);
      }
      return { isUp: true };
    } catch (error) {
      if (error instanceof StorageUnavailableError)
        return { isUp: false, message: error.reason.split(':')[0] ?? 'unavailable' };
      const code = (error as NodeJS.ErrnoException).code;
      return { isUp: false, message: code ?? 'upload folder unavailable' };
    }
  }

  onApplicationShutdown(): void {
    this.s3?.destroy();
  }
}
