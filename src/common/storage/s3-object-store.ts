import type { Readable } from 'node:stream';

import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { folderPrefix, objectKey, relativePathOf } from 'src/common/storage/object-keys';
import type { ObjectStore, OpenedObject, StoredObject } from 'src/common/storage/object-store';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
import type { S3Settings } from 'src/config/configuration';

/** A store that does not answer fails the request quickly rather than holding it. */
const CONNECTION_TIMEOUT_MS = 3000;
const REQUEST_TIMEOUT_MS = 30_000;
/** DeleteObjects takes at most 1,000 keys (S3 API reference, DeleteObjects). */
const DELETE_BATCH = 1000;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.accessKeyId === undefined || settings.secretAccessKey === undefined
      ? {}
      : {
          credentials: {
            accessKeyId: settings.accessKeyId,
            secretAccessKey: settings.secretAccessKey,
          },
        }),
    // Checksums only where the API requires them: S3-compatible stores differ in what they add.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
    },
  });
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata.httpStatusCode === 404)
  );
}

/** Every other failure is the store's, never the client's: a 503 the client may retry. */
function unavailable(error: unknown): StorageUnavailableError {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageUnavailableError(reason);
}

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph RGW) under
 * `S3_KEY_PREFIX` (docs/storage.md#configuration).
 */
export class S3ObjectStore implements ObjectStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    readonly prefix: string,
  ) {}

  async put(path: string, body: Buffer | OpenedObject): Promise<void> {
    const key = objectKey(this.prefix, path);
    const isBuffer = Buffer.isBuffer(body);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: isBuffer ? body : body.stream,
          ContentLength: isBuffer ? body.length : body.size,
        }),
      );
    } catch (error) {
      throw unavailable(error);
    }
  }

  async open(path: string): Promise<OpenedObject | null> {
    const key = objectKey(this.prefix, path);
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      if (object.Body === undefined) return null;
      return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw unavailable(error);
    }
  }

  async read(path: string): Promise<Buffer | null> {
    const opened = await this.open(path);
    if (opened === null) return null;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    } catch (error) {
      throw unavailable(error);
    }
    return Buffer.concat(chunks);
  }

  async remove(path: string): Promise<void> {
    const key = objectKey(this.prefix, path);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw unavailable(error);
    }
  }

  async removeFolder(folder: string): Promise<void> {
    const objects = await this.list(folder);
    for (let start = 0; start < objects.length; start += DELETE_BATCH) {
      const batch = objects.slice(start, start + DELETE_BATCH);
      try {
        await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((o) => ({ Key: objectKey(this.prefix, o.path) })) },
          }),
        );
      } catch (error) {
        throw unavailable(error);
      }
    }
  }

  async list(folder: string): Promise<StoredObject[]> {
    return this.listKeys(folderPrefix(this.prefix, folder));
  }

  /** Every object under the whole prefix (the uploads size of `GET /api/stats/all`). */
  listAll(): Promise<StoredObject[]> {
    return this.listKeys(this.prefix);
  }

  private async listKeys(keyPrefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: keyPrefix,
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
        for (const item of page.Contents ?? []) {
          const path = item.Key === undefined ? null : relativePathOf(this.prefix, item.Key);
          if (path === null) continue;
          objects.push({
            path,
            size: item.Size ?? 0,
            lastModified: item.LastModified ?? new Date(0),
          });
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    } catch (error) {
      throw unavailable(error);
    }
    return objects;
  }

  /** The bucket exists and these credentials may use it (HeadBucket). */
  async ping(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw unavailable(error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
