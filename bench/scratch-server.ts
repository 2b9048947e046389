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
      await app.close();
    }
  } finally {
    await withAdminClient((client) => dropDatabase(client, name));
  }
}
