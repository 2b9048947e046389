import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { buildDataSourceOptions } from 'src/database/data-source.options';
import { runMigrations } from 'src/database/run-migrations';
import { freePort } from 'test/helpers/local-ports';
import { buildTestConfig } from 'test/setup/test-config';
import {
  databaseUrl,
  dropDatabase,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';
import { DataSource } from 'typeorm';

export interface ServerProcess {
  /** A connection to the server's database, for setting up data. */
  dataSource: DataSource;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The server's process id (its memory is read from /proc). */
  pid: number;
  /** The built server's path (in its workers' command lines) and its scratch database's name. */
  main: string;
  databaseName: string;
}

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
const START_TIMEOUT_MS = 30_000;

/**
 * Runs `use` against the built server (`node dist/main.js`, as `npm start` runs it) in a
 * process of its own, on a scratch database created and migrated on the local PostgreSQL
 * (TEST_DATABASE_URL or postgresql://postgres@127.0.0.1), dropped afterwards whatever happens.
 * The measuring client then shares neither the server's event loop nor its heap.
 */
export async function withServerProcess<T>(
  env: Record<string, string>,
  use: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const name = newDatabaseName();
  const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-bench-'));
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  let server: ChildProcess | undefined;
  const dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name) }));
  try {
    await runMigrations(buildTestConfig({ DATABASE_URL: databaseUrl(name) }));
    await dataSource.initialize();
    const port = await freePort();
    server = spawn(
      process.execPath,
      [...(process.env['BENCH_SERVER_NODE_ARGS']?.split(' ') ?? []), MAIN],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: databaseUrl(name),
          DATA_DIR: dataDir,
          APP_SECRET_KEY: 'bench-secret-key-that-is-long-enough',
          LOG_LEVEL: 'warn',
          WEB_CONCURRENCY: '1',
          ...env,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(base, server);
    return await use({ dataSource, base, pid: server.pid ?? 0, main: MAIN, databaseName: name });
  } finally {
    await stop(server);
    if (dataSource.isInitialized) await dataSource.destroy();
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitUntilUp(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`server did not answer within ${START_TIMEOUT_MS} ms`);
}

async function stop(server: ChildProcess | undefined): Promise<void> {
  if (server === undefined || server.exitCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
