import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { freePort, statusOf } from 'test/helpers/local-ports';
import {
  databaseUrl,
  dropDatabase,
  isPostgresReachable,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';

/**
 * `npm run bench:startup`: time from `npm start` to the first `GET /api/ping` answer, as the
 * README's quick start runs it (embedded database, no DATABASE_URL), in a scratch copy of the
 * tree so that the project's own `dist/` is left alone:
 *
 * - cold: a fresh clone after `npm ci`, no `dist/`, no data directory: build, create the
 *   embedded database, migrate, listen;
 * - warm: the same tree started again: nothing to build, the database exists;
 * - warm on PostgreSQL (when the local server answers): DATABASE_URL set, schema migrated.
 */
const ROOT = resolve(__dirname, '..');
/** What a clone brings that `npm start` reads; node_modules is linked, as `npm ci` would create it. */
const TREE = [
  'src',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
];
const WARM_RUNS = 3;
const TIMEOUT_MS = 240_000;

/** Stops `npm start` and the server it runs: they share the process group started here. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveStop();
      return;
    }
    child.once('exit', () => {
      resolveStop();
    });
    process.kill(-(child.pid ?? 0), 'SIGTERM');
  });
}

/** Milliseconds from spawning `npm start` to the first 200 from `/api/ping`. */
async function timeStart(
  tree: string,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: tree,
    detached: true,
    stdio: 'ignore',
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tree,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
  });
  try {
    while (performance.now() - started < TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if ((await statusOf(`http://127.0.0.1:${port}/api/ping`)) === 200)
        return performance.now() - started;
      await new Promise((wait) => setTimeout(wait, 25));
    }
    throw new Error(`no answer within ${TIMEOUT_MS} ms`);
  } finally {
    await stop(child);
  }
}

/** WARM_RUNS timings, sorted. */
async function warmRuns(run: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) times.push(await run());
  return times.sort((a, b) => a - b);
}

function median(sorted: number[]): number {
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

async function withScratchDatabase<T>(use: (url: string) => Promise<T>): Promise<T> {
  const name = newDatabaseName();
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    return await use(databaseUrl(name));
  } finally {
    await withAdminClient((client) => dropDatabase(client, name));
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'pacekeeper-startup-bench-'));
  try {
    const tree = join(scratch, 'tree');
    for (const entry of TREE) cpSync(join(ROOT, entry), join(tree, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    const dataDir = join(scratch, 'data');
    const cold = await timeStart(tree, dataDir);
    const warm = await warmRuns(() => timeStart(tree, dataDir));
    const postgres = (await isPostgresReachable())
      ? await withScratchDatabase(async (url) => {
          await timeStart(tree, dataDir, { DATABASE_URL: url }); // migrates, not measured
          return warmRuns(() => timeStart(tree, dataDir, { DATABASE_URL: url }));
        })
      : undefined;
    const result = {
      cold_ms: Math.round(cold),
      warm_median_ms: median(warm),
      warm_min_ms: Math.round(warm[0] ?? 0),
      warm_max_ms: Math.round(warm.at(-1) ?? 0),
      ...(postgres === undefined
        ? {}
        : {
            warm_postgres_median_ms: median(postgres),
            warm_postgres_min_ms: Math.round(postgres[0] ?? 0),
          }),
    };
    console.table([result]);
    console.log(JSON.stringify(result));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
