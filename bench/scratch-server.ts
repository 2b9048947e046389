import type { AddressInfo } from 'node:net';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import { runMigrations } from 'src/database/run-migrations';
import { buildTestConfig } from 'test/setup/test-config';
import {
  databaseUrl,
  dropDatabase,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';
import { DataSource } from 'typeorm';

export interface ScratchServer {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** `http://127.0.0.1:<port>` */
  base: string;
}

/**
 * Runs `use` against the application listening on a free port, on a scratch database created
 * and migrated on the local PostgreSQL (TEST_DATABASE_URL or postgresql://postgres@127.0.0.1),
 * dropped afterwards whatever happens.
 */
export async function withScratchServer<T>(
  env: Record<string, string>,
  use: (server: ScratchServer) => Promise<T>,
): Promise<T> {
  const name = newDatabaseName();
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    const config = buildTestConfig({
      DATABASE_URL: databaseUrl(name),
      NODE_ENV: 'production',
      ...env,
    });
    await runMigrations(config);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bodyParser: false,
      logger: false,
    });
    try {
      setupApp(app);
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      return await use({ app, dataSource: app.get(DataSource), base });
    } finally {
      await waitForIdlePool(app.get(DataSource));
      await app.close();
    }
  } finally {
    await withAdminClient((client) => dropDatabase(client, name));
  }
}

/**
 * A load generator abandons the requests still running when its time is up; their handlers
 * go on. Closing the data source under them would hand their busy connections back to the
 * pool (pg then warns about a query sent to a client that is still executing one), so wait,
 * a few seconds at most, until no connection is checked out.
 */
async function waitForIdlePool(dataSource: DataSource, timeoutMs = 5000): Promise<void> {
  const pool = (
    dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number } }
  ).master;
  const deadline = Date.now() + timeoutMs;
  while (pool !== undefined && pool.totalCount > pool.idleCount && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
