import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ServerOutput } from 'test/helpers/server-output';
import { TcpProxy } from 'test/helpers/tcp-proxy';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';

const REDIS = 'redis://127.0.0.1:6379';

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  listen?: string;
  /** Set on the request log lines (a 503 is logged as a warning too). */
  res?: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Redis clients of a server (rate limits, credential limits, job queue, job worker)
 * reconnect by themselves and report every failed attempt: the log says it once when the
 * connection is lost and once when it is back, however long the outage.
 */
(isEmbeddedRun() ? describe.skip : describe)('a Redis outage in the logs and in health', () => {
  let name: string;
  let dataDir: string;
  let proxy: TcpProxy;
  let server: ServerOutput;

  beforeAll(async () => {
    name = await cloneTemplate();
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-redis-outage-'));
    proxy = await TcpProxy.start(new URL(REDIS));
    server = ServerOutput.spawn({
      PORT: '0',
      DATABASE_URL: databaseUrl(name),
      DATA_DIR: dataDir,
      REDIS_URL: proxy.route(REDIS),
      REDIS_KEY_PREFIX: `test-outage-${process.pid}`,
    });
  });
  afterAll(async () => {
    await server.stop();
    await proxy.close();
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const lines = (): LogLine[] => server.lines.map((line) => JSON.parse(line) as LogLine);
  const warnings = (): string[] =>
    lines()
      .filter((l) => l.level === 40 && l.res === undefined)
      .map((l) => `${l.context ?? ''}: ${l.msg}`);
  const backAgain = (): LogLine[] => lines().filter((l) => /Redis reachable again/.test(l.msg));

  it('warns once per client while Redis is down, says when it is back, and health follows', async () => {
    const started = await server.waitForLine(/listening on/, 30_000);
    const base = `http://${(JSON.parse(started ?? '{}') as LogLine).listen ?? ''}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(warnings()).toEqual([]);

    await proxy.cut();
    await sleep(3000);
    const during = warnings();
    // One each: rate limits, credential limits, the job queue and the job worker.
    expect(during.map((w) => w.split(':')[0]).sort()).toEqual([
      'CredentialLimits',
      'Jobs',
      'Jobs',
      'RateLimit',
    ]);
    for (const warning of during)
      expect(warning).toMatch(/Redis unreachable \(.+\): .+ until it is back/);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'error',
      error: {
        redis: { status: 'down', message: 'ECONNREFUSED' },
        queue: { status: 'down' },
      },
      info: { database: { status: 'up' }, storage: { status: 'up' } },
    });
    // ioredis retries several times a second meanwhile: still nothing new.
    await sleep(3000);
    expect(warnings()).toEqual(during);

    await proxy.restore();
    const deadline = Date.now() + 15_000;
    while (backAgain().length < 4 && Date.now() < deadline) await sleep(100);
    expect(
      backAgain()
        .map((l) => l.context)
        .sort(),
    ).toEqual(['CredentialLimits', 'Jobs', 'Jobs', 'RateLimit']);
    expect(backAgain().every((l) => l.level === 30)).toBe(true);
    expect(warnings()).toEqual(during);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
