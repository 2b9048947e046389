import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import { ServerOutput } from 'test/helpers/server-output';
import { isEmbeddedRun } from 'test/setup/test-app';
import {
  databaseUrl,
  dropDatabase,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

const parse = (line: string): LogLine => JSON.parse(line) as LogLine;

function workerPids(primary: number): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

async function until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends the request line and headers now, the body when told: a request in flight meanwhile. */
function slowLogin(port: number): { finish: () => void; response: Promise<string> } {
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' });
  const socket = connect(port, '127.0.0.1');
  socket.write(
    `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const response = new Promise<string>((resolve) => {
    socket.on('close', () => {
      resolve(received);
    });
    socket.on('error', () => {
      resolve(received);
    });
  });
  // write, not end: a half-closed socket would tell the server that nobody waits for the answer.
  return { finish: () => socket.write(body.slice(10)), response };
}

/** `npm start` on PostgreSQL with WEB_CONCURRENCY=2 (docs/deployment.md#processes). */
(isEmbeddedRun() ? describe.skip : describe)('clustered server', () => {
  const name = newDatabaseName();
  const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-cluster-'));
  let server: ServerOutput | undefined;

  beforeAll(async () => {
    // Empty, not cloned from the migrated template: the primary applies every migration.
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(async () => {
    server?.signal('SIGKILL');
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates once, answers from two workers, replaces a killed one, drains on SIGTERM', async () => {
    server = ServerOutput.spawn({
      PORT: '0',
      DATABASE_URL: databaseUrl(name),
      DATA_DIR: dataDir,
      WEB_CONCURRENCY: '2',
    });
    const found = await server.waitForLine(/listening on/, 60_000);
    expect(found).toBeDefined();
    const started = parse(found ?? '{}');
    expect(started['processes']).toBe('2 HTTP workers sharing the port (node:cluster)');
    const port = Number(String(started['listen']).split(':').at(-1));
    const base = `http://127.0.0.1:${port}`;

    const migrationLines = server.lines.map(parse).filter((l) => l.msg.includes('migrations'));
    expect(migrationLines).toHaveLength(1);
    expect(migrationLines[0]?.msg).toMatch(/^database migrations: applied /);
    const db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
    const { rows } = await db.query<{ total: number; distinct: number }>(
      'SELECT count(*)::int AS total, count(DISTINCT name)::int AS distinct FROM migrations',
    );
    await db.end();
    expect(rows[0]?.total).toBeGreaterThan(0);
    expect(rows[0]?.total).toBe(rows[0]?.distinct);

    const workers = workerPids(server.pid);
    expect(workers).toHaveLength(2);
    const pings = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/api/ping`)));
    expect(pings.map((r) => r.status)).toEqual(Array(8).fill(200));

    process.kill(workers[0] ?? 0, 'SIGKILL');
    const replaced = await until(() => {
      const now = workerPids(server?.pid ?? 0);
      return now.length === 2 && !now.includes(workers[0] ?? 0) ? now : undefined;
    }, 60_000);
    expect(replaced).toBeDefined();
    // The primary's log is written asynchronously: the line may follow the new worker.
    await until(
      () => (server?.stdout.includes('starting a replacement') ? true : undefined),
      5_000,
    );
    expect(server.stdout).toContain('starting a replacement');
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/ping`)).status).toBe(200);

    const inFlight = slowLogin(port);
    // Long enough for the primary to hand the connection to a worker on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    server.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    inFlight.finish();
    expect(await inFlight.response).toMatch(/^HTTP\/1\.1 401 /);
    const { code } = await server.exit(30_000);
    expect(code).toBe(0);
    expect(workerPids(server.pid)).toEqual([]);
    server = undefined;
  }, 180_000);
});
