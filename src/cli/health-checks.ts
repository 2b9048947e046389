import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';
import { describeUrl } from 'src/cli/redact';
import { pingRedis } from 'src/common/redis/ping-redis';
import { createS3Client, S3ObjectStore } from 'src/common/storage/s3-object-store';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
import type { AppConfig } from 'src/config/configuration';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';
import { LocalFolderHealth } from 'src/health/storage-health';

/** How long each component may take to answer before it counts as down. */
export const CHECK_TIMEOUT_MS = 3000;

export interface ComponentHealth {
  name: string;
  isUp: boolean;
  detail: string;
}

/**
 * Reachability of what the server depends on, checked directly rather than by starting the
 * application (which would retry for a long time before failing): one connection each.
 */
export function checkHealth(config: AppConfig): Promise<ComponentHealth[]> {
  return Promise.all([checkDatabase(config), checkStorage(config), checkRedis(config.redis.url)]);
}

async function checkDatabase(config: AppConfig): Promise<ComponentHealth> {
  const url = config.database.url;
  if (url === undefined) return checkEmbedded(config.app.dataDir);
  const where = describeUrl(url);
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    query_timeout: CHECK_TIMEOUT_MS,
  });
  client.on('error', () => undefined); // a failure is reported by connect() or query()
  try {
    const started = Date.now();
    await client.connect();
    await client.query('SELECT 1');
    return { name: 'database', isUp: true, detail: `${where} (${Date.now() - started} ms)` };
  } catch (error) {
    return { name: 'database', isUp: false, detail: `${where}: ${reason(error)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The embedded database opens in one process only: while the server runs it holds the lock,
 * which is the sign that the database is open and served.
 */
async function checkEmbedded(dataDir: string): Promise<ComponentHealth> {
  const where = `embedded database in ${dataDir}/pgdata`;
  // Opening a missing folder would create an empty database: a check must not.
  if (!existsSync(join(dataDir, 'pgdata')))
    return { name: 'database', isUp: false, detail: `${where}: not created yet` };
  try {
    const embedded = await EmbeddedPostgres.start(dataDir);
    await embedded.stop();
    return { name: 'database', isUp: true, detail: where };
  } catch (error) {
    const holder = /in use by process (\d+)/.exec(reason(error));
    if (holder !== null)
      return { name: 'database', isUp: true, detail: `${where}, open in process ${holder[1]}` };
    return { name: 'database', isUp: false, detail: `${where}: ${reason(error)}` };
  }
}

/**
 * Where workout files, pictures and exports go (docs/storage.md): the S3-compatible bucket
 * answers a HeadBucket, or the upload folder is a folder this process may read and write. The
 * server creates the folder at its first start, so a missing one is not a fault yet.
 */
async function checkStorage(config: AppConfig): Promise<ComponentHealth> {
  const s3 = config.storage.s3;
  if (s3 !== undefined) {
    const where = `S3 bucket ${s3.bucket}`;
    const store = new S3ObjectStore(createS3Client(s3), s3.bucket, s3.keyPrefix);
    try {
      await withTimeout(store.ping(), CHECK_TIMEOUT_MS);
      return { name: 'storage', isUp: true, detail: where };
    } catch (error) {
      const why = error instanceof StorageUnavailableError ? error.reason : reason(error);
      return { name: 'storage', isUp: false, detail: `${where}: ${why}` };
    } finally {
      store.destroy();
    }
  }
  const folder = config.app.uploadFolder;
  if (!existsSync(folder))
    return { name: 'storage', isUp: true, detail: `${folder} (created at the first start)` };
  const problem = await new LocalFolderHealth(folder).problem();
  return problem === undefined
    ? { name: 'storage', isUp: true, detail: folder }
    : { name: 'storage', isUp: false, detail: `${folder}: ${problem}` };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

async function checkRedis(url: string | undefined): Promise<ComponentHealth> {
  if (url === undefined)
    return { name: 'redis', isUp: true, detail: 'not configured (jobs run in-process)' };
  const where = describeUrl(url);
  const ping = await pingRedis(url, CHECK_TIMEOUT_MS);
  return ping.isUp
    ? { name: 'redis', isUp: true, detail: `${where} (${ping.ms} ms)` }
    : { name: 'redis', isUp: false, detail: `${where}: ${reason(ping.error)}` };
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}
