import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ServerOutput } from 'test/helpers/server-output';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { dropDatabase, withAdminClient } from 'test/setup/test-database';

const ESC = String.fromCharCode(27);

interface LogLine {
  level: number;
  msg: string;
}

function listening(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      resolve(server);
    });
  });
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** A failed start: one fatal line naming the variable and what to do, then a non-zero exit. */
describe('start-up failures', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-startup-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('PORT=abc: one line naming PORT, its value and the fix; exit 1', async () => {
    const server = ServerOutput.spawn({ PORT: 'abc', DATA_DIR: dataDir });
    const { code } = await server.exit(20_000);
    expect(code).toBe(1);
    expect(server.stderr).toBe('');
    expect(server.lines).toHaveLength(1);
    const line = JSON.parse(server.lines[0] ?? '{}') as LogLine;
    expect(line.level).toBe(60);
    expect(line.msg).toMatch(/^PORT=abc: must be a whole number from 0 to 65535\. Set PORT/);
  });

  it('the worker without REDIS_URL: one line naming REDIS_URL and what to do; exit 1', async () => {
    const worker = ServerOutput.spawn({ DATA_DIR: dataDir }, 'worker.js');
    expect((await worker.exit(20_000)).code).toBe(1);
    expect(worker.stderr).toBe('');
    expect(worker.lines.map((l) => (JSON.parse(l) as LogLine).msg)).toEqual([
      expect.stringMatching(
        /^REDIS_URL \(unset\): the worker takes its jobs from Redis\. Set REDIS_URL/,
      ),
    ]);
  });

  it('a failure goes to APP_LOG as JSON, without colour codes, even when asked for pretty', async () => {
    const file = join(dataDir, 'logs', 'app.log');
    const server = ServerOutput.spawn({
      PORT: 'abc',
      DATA_DIR: dataDir,
      APP_LOG: file,
      LOG_FORMAT: 'pretty',
    });
    expect((await server.exit(20_000)).code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(ESC);
    expect((JSON.parse(text.trim()) as LogLine).msg).toMatch(/^PORT=abc: /);
    expect(server.stdout).toBe('');
  });

  it('LOG_FORMAT=pretty prints a readable line, without colour when not on a terminal', async () => {
    const server = ServerOutput.spawn({ PORT: 'abc', DATA_DIR: dataDir, LOG_FORMAT: 'pretty' });
    expect((await server.exit(20_000)).code).toBe(1);
    expect(server.lines).toHaveLength(1);
    expect(server.lines[0]).toMatch(/^\d\d:\d\d:\d\d FATAL PORT=abc: must be a whole number/);
    expect(server.stdout).not.toContain(ESC);
  });

  it('unreachable DATABASE_URL: exits non-zero after the 10 s window, naming it without its password', async () => {
    const closed = await listening();
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const server = ServerOutput.spawn({
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: `postgresql://pk:hunter2@127.0.0.1:${port}/pk`,
    });
    const { code, elapsedMs } = await server.exit(25_000);
    expect(code).toBe(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(9_000);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(server.stderr).toBe('');
    expect(server.stdout).not.toContain('hunter2');
    const fatal = server.lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.level >= 50);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toMatch(
      new RegExp(
        `^DATABASE_URL=postgresql://pk:\\*\\*\\*@127\\.0\\.0\\.1:${port}/pk: .*unreachable after trying for 10 s.*ECONNREFUSED`,
      ),
    );
  }, 30_000);

  (isEmbeddedRun() ? it.skip : it)(
    'a database that does not exist is reported at once',
    async () => {
      const server = ServerOutput.spawn({
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/pacekeeper_no_such_database',
      });
      const { code, elapsedMs } = await server.exit(20_000);
      expect(code).toBe(1);
      expect(elapsedMs).toBeLessThan(9_000);
      expect(server.lines.map((l) => (JSON.parse(l) as LogLine).msg)).toEqual([
        expect.stringMatching(
          /^DATABASE_URL=.*: database "pacekeeper_no_such_database" does not exist\. Create it/,
        ),
      ]);
    },
  );

  (isEmbeddedRun() ? it.skip : it)('a port in use: one line naming PORT; exit 1', async () => {
    const name = await cloneTemplate();
    const taken = await listening();
    try {
      const port = portOf(taken);
      const server = ServerOutput.spawn({
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`,
      });
      expect((await server.exit(30_000)).code).toBe(1);
      const errors = server.lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.level >= 50);
      expect(errors.map((l) => l.msg)).toEqual([
        `PORT=${port}: 127.0.0.1:${port} is already in use. Stop the other process or choose another PORT.`,
      ]);
      expect(server.stderr).toBe('');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      await withAdminClient((client) => dropDatabase(client, name));
    }
  });
});
