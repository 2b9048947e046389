import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import { buildAppConfig } from 'src/config/configuration';

import { SCENARIOS } from './scenarios/all-scenarios';

/**
 * `npm run bench [-- name-filter]`: starts the app on loopback (embedded database, or
 * PostgreSQL with BENCH_DATABASE_URL) and runs each scenario with autocannon for
 * BENCH_DURATION seconds (default 10) and BENCH_CONNECTIONS connections (default 10).
 */
async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const duration = Number(process.env['BENCH_DURATION'] ?? 10);
  const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-bench-'));
  const databaseUrl = process.env['BENCH_DATABASE_URL'];
  const config = buildAppConfig({
    DATA_DIR: dataDir,
    APP_SECRET_KEY: 'bench-secret-key-long-enough',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    BCRYPT_LOG_ROUNDS: '4',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: false,
  });
  setupApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  console.log(
    `Pacekeeper bench: ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ` +
      `${databaseUrl === undefined ? 'embedded database' : 'PostgreSQL'}, ` +
      `${connections} connections, ${duration}s per scenario`,
  );
  try {
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(filter))) {
      const options = await scenario.prepare({ app, url });
      const result = await autocannon({ url, connections, duration, ...options });
      const errors = result.errors + result.non2xx;
      console.log(
        `${scenario.name.padEnd(32)} median ${String(result.latency.p50).padStart(5)} ms` +
          `  p99 ${String(result.latency.p99).padStart(5)} ms` +
          `  ${result.requests.average.toFixed(0).padStart(7)} req/s` +
          (errors > 0 ? `  ${errors} errors/non-2xx` : ''),
      );
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
