import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { OpenAPIObject } from '@nestjs/swagger';
import fc from 'fast-check';
import request from 'supertest';
import { FUZZ_RUNS, seedFor } from 'test/helpers/fuzz/fuzz-budget';
import { type FuzzOperation, fuzzOperationsOf } from 'test/helpers/fuzz/fuzz-operations';
import { FuzzReport } from 'test/helpers/fuzz/fuzz-report';
import { fuzzRequests } from 'test/helpers/fuzz/fuzz-requests';
import { describeExchange, resolveRequest, sendFuzzRequest } from 'test/helpers/fuzz/fuzz-send';
import { expectAlive, FuzzWorld } from 'test/helpers/fuzz/fuzz-world';
import { knownOpenCase } from 'test/helpers/fuzz/known-open';
import { PAGES_OUTSIDE_DOCUMENT } from 'test/helpers/fuzz/pages-outside-document';
import { startTileServer } from 'test/helpers/fuzz/tile-server';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const COMMITTED = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
) as OpenAPIObject;
const OPERATIONS = [...fuzzOperationsOf(COMMITTED), ...PAGES_OUTSIDE_DOCUMENT];
/** FUZZ_COLLECT=1 lists every 5xx of the run instead of stopping (and shrinking) at the first. */
const isCollecting = process.env['FUZZ_COLLECT'] === '1';
/** A success of these may have removed the rows the next cases aim at (or logged the caller out). */
function mayConsumeWorld(operation: FuzzOperation): boolean {
  return (
    operation.method === 'delete' ||
    operation.method === 'patch' ||
    operation.label === 'POST /api/auth/logout'
  );
}

/** FUZZ_STATS=1 prints how often each operation answered each status (how deep the cases go). */
const isCounting = process.env['FUZZ_STATS'] === '1';

/**
 * Property-based edge test: for every operation of the OpenAPI document, generated paths,
 * query strings and bodies from four callers never get a 5xx, never hang, and the server still
 * answers /api/ping afterwards. The application runs in this process: an unhandled rejection
 * fails the running test (Jest reports it as the test's error).
 */
describe('fuzz: no request input gets a 5xx', () => {
  let t: TestApp;
  let tiles: Server;
  const fuzzed = new Set<string>();
  const collected: string[] = [];
  const report = new FuzzReport();

  beforeAll(async () => {
    const tileServer = await startTileServer();
    tiles = tileServer.server;
    t = await createTestApp({
      API_RATE_LIMITS: '1000000 per minute',
      TILE_SERVER_URL: tileServer.template,
    });
  });
  afterAll(async () => {
    if (collected.length > 0) console.log(collected.join('\n'));
    if (isCounting) console.log(report.toString());
    await t.close();
    await new Promise((resolve) => tiles.close(resolve));
  });

  async function fuzz(operation: FuzzOperation): Promise<void> {
    const world = await FuzzWorld.create(t, /workout_id|map_id/.test(operation.path));
    const property = fc.asyncProperty(fuzzRequests(world, operation), async (generated) => {
      const sent = resolveRequest(world, generated);
      const res = await sendFuzzRequest(t, world, operation, sent);
      if (isCounting) report.count(operation.label, res);
      if (res.status < 300 && mayConsumeWorld(operation)) await world.reseed();
      if (res.status < 500 || knownOpenCase(operation, sent, res.status) !== undefined) return true;
      const exchange = describeExchange(operation, sent, res);
      if (!isCollecting) throw new Error(exchange);
      collected.push(exchange);
      return true;
    });
    await fc.assert(property, { seed: seedFor(operation.label), numRuns: FUZZ_RUNS });
    fuzzed.add(operation.label);
    await expectAlive(t);
  }

  it.each(OPERATIONS.map((operation) => [operation.label, operation] as const))(
    '%s',
    async (_label, operation) => {
      await fuzz(operation);
    },
    Math.max(120_000, FUZZ_RUNS * 1_000),
  );

  it('fuzzed every operation of the served document', async () => {
    const served = (await request(t.http).get('/api/docs-json')).body as OpenAPIObject;
    const missing = fuzzOperationsOf(served)
      .map((operation) => operation.label)
      .filter((label) => !fuzzed.has(label));
    expect(missing).toEqual([]);
    expect(collected).toEqual([]);
    await expectAlive(t);
  });
});
