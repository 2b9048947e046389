import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, statusOf } from 'test/helpers/local-ports';
import { transpiledServer } from 'test/helpers/transpiled-server';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';

const TOKEN = 'cluster-metrics-token-for-tests';
const WORKERS = 2;

const pingCount = (text: string): number => {
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(
        'pacekeeper_http_requests_total{method="GET",route="/api/ping",status_class="2xx"}',
      ),
    );
  return Number(line?.split(' ').pop() ?? 0);
};

/** Under node:cluster any worker answers a scrape with the sum of every worker's metrics (docs/operations.md#cluster-mode). */
(isEmbeddedRun() ? describe.skip : describe)('GET /metrics under node:cluster', () => {
  let name: string;
  let dir: string;
  let primary: ChildProcess;
  let output = '';

  afterAll(async () => {
    if (primary.exitCode === null) {
      const exited = new Promise((resolve) => primary.once('exit', resolve));
      primary.kill('SIGTERM');
      await exited;
    }
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sums the workers, whichever answers', async () => {
    name = await cloneTemplate();
    dir = mkdtempSync(join(tmpdir(), 'pacekeeper-cluster-'));
    const port = await freePort();
    // `npm start` on PostgreSQL: the primary migrates, forks the workers and, once they all
    // listen, logs the start-up line.
    primary = spawn(process.execPath, [transpiledServer()], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        WEB_CONCURRENCY: String(WORKERS),
        DATABASE_URL: databaseUrl(name),
        DATA_DIR: dir,
        METRICS_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 100_000;
    while (!output.includes(`processes ${WORKERS}`) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain('listening on');

    const base = `http://127.0.0.1:${port}`;
    // A connection of its own each time, so the scrapes reach both workers.
    const scrape = (): Promise<string> =>
      new Promise((resolve, reject) => {
        get(
          `${base}/metrics`,
          { agent: false, headers: { Authorization: `Bearer ${TOKEN}` } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => {
              if (response.statusCode === 200) resolve(body);
              else reject(new Error(`/metrics answered ${String(response.statusCode)}`));
            });
          },
        ).on('error', reject);
      });
    const before = pingCount(await scrape());
    for (let i = 0; i < 20; i++) expect(await statusOf(`${base}/api/ping`)).toBe(200);
    // The primary deals connections round-robin: a worker alone would show about half.
    for (let i = 0; i < 4; i++) expect(pingCount(await scrape())).toBe(before + 20);
    // Two server start-ups at once: slow on a busy machine.
  }, 120_000);
});
