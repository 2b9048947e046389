import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { freePort } from 'test/helpers/local-ports';

const BUCKET = 'pacekeeper-test';
/** s3rver's built-in credentials. */
const KEY = 'S3RVER';

/**
 * A real S3-compatible server (s3rver) on a free loopback port with its own temp folder, for
 * the S3 storage driver's tests. `stop` and `start` take it down and bring it back on the same
 * port and data; `failWrites` makes it answer 500 to the PUTs of matching keys (a store that
 * breaks in the middle of an upload).
 */
export class LocalS3 {
  private server: S3rver | undefined;
  private writeFault: ((key: string) => boolean) | undefined;
  readonly client: S3Client;

  private constructor(
    readonly port: number,
    private readonly directory: string,
  ) {
    this.client = new S3Client({
      endpoint: this.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: KEY, secretAccessKey: KEY },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  static async create(): Promise<LocalS3> {
    const s3 = new LocalS3(await freePort(), mkdtempSync(join(tmpdir(), 'pacekeeper-s3-')));
    await s3.start();
    return s3;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The server's environment for the S3 driver, keys under `prefix`. */
  env(prefix = ''): Record<string, string> {
    return {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: KEY,
      S3_SECRET_ACCESS_KEY: KEY,
      S3_FORCE_PATH_STYLE: 'true',
      ...(prefix === '' ? {} : { S3_KEY_PREFIX: prefix }),
    };
  }

  async start(): Promise<void> {
    const server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      directory: this.directory,
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    server.middleware.unshift(async (context, next) => {
      const key = decodeURIComponent(context.path.slice(`/${BUCKET}/`.length));
      if (context.method === 'PUT' && this.writeFault?.(key) === true) {
        context.status = 500;
        context.body = 'injected failure';
        return;
      }
      await next();
    });
    await server.run();
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  failWrites(matches: ((key: string) => boolean) | undefined): void {
    this.writeFault = matches;
  }

  /** Every key in the bucket under `prefix`, sorted. */
  async keys(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: prefix,
          ...(token === undefined ? {} : { ContinuationToken: token }),
        }),
      );
      for (const item of page.Contents ?? []) if (item.Key !== undefined) keys.push(item.Key);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort();
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
