import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ServerOutput } from 'test/helpers/server-output';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { dropDatabase, withAdminClient } from 'test/setup/test-database';

const ESC = String.fromCharCode(27);
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  [field: string]: unknown;
}

const parse = (line: string): LogLine => JSON.parse(line) as LogLine;

/** The real server's start-up output, as an operator sees it in a log file or collector. */
(isEmbeddedRun() ? describe.skip : describe)('start-up line', () => {
  let name: string;
  let dataDir: string;
  let server: ServerOutput | undefined;

  /** Trust authentication ignores the password; it must still never be printed. */
  const url = (): string => `postgresql://postgres:sekret-pw@127.0.0.1:5432/${name}`;

  beforeAll(async () => {
    name = await cloneTemplate();
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-startup-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs one JSON line with version, address, docs, database and job mode, and no chatter', async () => {
    server = ServerOutput.spawn({ PORT: '0', DATABASE_URL: url(), DATA_DIR: dataDir });
    const found = await server.waitForLine(/listening on/, 30_000);
    expect(found).toBeDefined();
    const line = parse(found ?? '{}');
    expect(line).toMatchObject({
      level: 30,
      version: VERSION,
      database: `PostgreSQL 127.0.0.1:5432/${name}`,
      jobs: 'in-process',
    });
    expect(line.msg).toContain(`Pacekeeper ${VERSION} listening on http://127.0.0.1:`);
    expect(line.msg).toContain('/api/docs');
    expect(line['listen']).toMatch(/^127\.0\.0\.1:[1-9]\d*$/);
    // The address is the one bound (PORT=0 lets the system choose): the docs answer there.
    const docs = await fetch(String(line['docs']));
    expect(docs.status).toBe(200);

    const lines = server.lines.map(parse); // every line is JSON: stdout is not a terminal
    expect(
      lines.filter((l) => typeof l.msg === 'string' && l.msg.includes('listening on')),
    ).toHaveLength(1);
    const chatter = lines.filter((l) =>
      ['InstanceLoader', 'RouterExplorer', 'RoutesResolver'].includes(l.context ?? ''),
    );
    expect(chatter).toEqual([]);
    expect(server.stdout).not.toContain('sekret-pw');
    expect(server.stdout).not.toContain(ESC);
    expect(server.stderr).toBe('');
  });

  it('keeps the framework lines at debug level', async () => {
    server = ServerOutput.spawn({
      PORT: '0',
      DATABASE_URL: url(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    await server.waitForLine(/listening on/, 30_000);
    const loader = server.lines.map(parse).filter((l) => l.context === 'InstanceLoader');
    expect(loader.length).toBeGreaterThan(0);
    expect(new Set(loader.map((l) => l.level))).toEqual(new Set([20]));
  });
});
