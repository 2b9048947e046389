/**
 * Workouts benchmark (issue 5): one user with 10,000 workouts; median and p99 latency of the
 * list, records and yearly statistics, then requests per second at concurrency 32.
 * Standalone: it creates a scratch database on the local PostgreSQL (TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432), starts the application itself and drops the database.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/workouts-list.bench.ts
 */
import autocannon from 'autocannon';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { RecordsService } from 'src/workouts/records/records.service';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';
import { createUser } from 'test/helpers/factories';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';

import { withScratchServer } from './scratch-server';

const WORKOUTS = 10_000;
const SAMPLES = 400;
const TARGETS_MS = { list: 20, records: 20, stats: 50 };

interface Row {
  name: string;
  median: number;
  p99: number;
  target: number;
}

function measure(
  url: string,
  token: string,
  connections: number,
  options: { amount?: number; duration?: number },
) {
  return autocannon({
    url,
    connections,
    ...options,
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function main(): Promise<void> {
  await withScratchServer({}, async ({ app, dataSource, base }) => {
    const user = await createUser(dataSource);
    const started = Date.now();
    await insertWorkoutsInBulk(dataSource, user.id, WORKOUTS, { sports: 3 });
    const writer = app.get(WorkoutsWriter);
    await writer.inUserTransaction(user.id, (manager) =>
      app.get(RecordsService).recompute(manager, user.id, [1, 2, 3]),
    );
    await dataSource.query('VACUUM ANALYZE workouts, workout_stats');
    console.log(`seeded ${WORKOUTS} workouts in ${Date.now() - started} ms`);
    const token = app.get(AuthTokensService).issueAuthToken(user.id);
    const endpoints = [
      {
        name: 'GET /api/workouts?page=1&per_page=20',
        path: '/api/workouts?page=1&per_page=20',
        target: TARGETS_MS.list,
      },
      { name: 'GET /api/records', path: '/api/records', target: TARGETS_MS.records },
      {
        name: `GET /api/stats/<user>/by_time?time=year`,
        path: `/api/stats/${user.username}/by_time?time=year`,
        target: TARGETS_MS.stats,
      },
      {
        // As the web client's statistics chart asks: a range of years, in the user's time zone.
        name: `GET /api/stats/<user>/by_time?from=…&to=…&time=year`,
        path: `/api/stats/${user.username}/by_time?from=2015-06-15&to=2026-06-14&time=year`,
        target: TARGETS_MS.stats,
      },
    ];
    const rows: Row[] = [];
    for (const endpoint of endpoints) {
      await measure(base + endpoint.path, token, 1, { amount: 50 });
      const result = await measure(base + endpoint.path, token, 1, { amount: SAMPLES });
      if (result.non2xx > 0) throw new Error(`${endpoint.name}: ${result.non2xx} non-2xx answers`);
      rows.push({
        name: endpoint.name,
        median: result.latency.p50,
        p99: result.latency.p99,
        target: endpoint.target,
      });
    }
    const throughput: { name: string; rps: number; p99: number }[] = [];
    for (const endpoint of endpoints) {
      const result = await measure(base + endpoint.path, token, 32, { duration: 10 });
      if (result.non2xx > 0) throw new Error(`${endpoint.name}: ${result.non2xx} non-2xx answers`);
      throughput.push({
        name: endpoint.name,
        rps: result.requests.average,
        p99: result.latency.p99,
      });
    }
    console.log('\nsequential latency (ms), one connection, %d requests each', SAMPLES);
    console.table(rows.map((row) => ({ ...row, ok: row.p99 <= row.target ? 'yes' : 'NO' })));
    console.log('\nthroughput at concurrency 32 for 10 s');
    console.table(throughput);
    console.log(JSON.stringify({ latency: rows, throughput }));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
