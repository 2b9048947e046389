/**
 * Workouts benchmark (issue 5): one user with 10,000 workouts; median and p99 latency of the
 * list, records and yearly statistics, then requests per second at concurrency 32.
 * Standalone: it creates a scratch database on the local PostgreSQL (TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432), starts the application itself and drops the database.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/workouts-list.bench.ts
 */
import type { AddressInfo } from 'node:net';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { runMigrations } from 'src/database/run-migrations';
import { RecordsService } from 'src/workouts/records/records.service';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';
import { createUser } from 'test/helpers/factories';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';
import { buildTestConfig } from 'test/setup/test-config';
import {
  databaseUrl,
  dropDatabase,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';
import { DataSource } from 'typeorm';

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
  const name = newDatabaseName();
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const config = buildTestConfig({ DATABASE_URL: databaseUrl(name), NODE_ENV: 'production' });
  await runMigrations(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: false,
  });
  try {
    setupApp(app);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const dataSource = app.get(DataSource);
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
  } finally {
    await app.close();
    await withAdminClient((client) => dropDatabase(client, name));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
