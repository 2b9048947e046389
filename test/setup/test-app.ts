import { rmSync } from 'node:fs';

import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import type { AppConfig } from 'src/config/configuration';
import type { App } from 'supertest/types';
import { installConformanceGate } from 'test/conformance/conformance-gate';
import { buildTestConfig } from 'test/setup/test-config';
import {
  assertTestDatabase,
  databaseUrl,
  dropDatabase,
  ENV_EMBEDDED,
  ENV_TEMPLATE,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';
import { DataSource } from 'typeorm';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

@Module({})
class TestRootModule {}

export const isEmbeddedRun = (): boolean => process.env[ENV_EMBEDDED] === '1';

/**
 * The application exactly as main.ts builds it (same setupApp), on a fresh database cloned
 * from the migrated template, or on a fresh embedded database.
 */
export async function createTestApp(
  env: Record<string, string | undefined> = {},
  /** Test-only modules (e.g. a controller that throws), mounted beside the application. */
  extraImports: Type[] = [],
  /** Where the application connects to its database (e.g. through a proxy the test controls). */
  routeDatabase: (url: string) => string = (url) => url,
): Promise<TestApp> {
  const name = isEmbeddedRun() ? undefined : await cloneTemplate();
  const config = buildTestConfig({
    ...env,
    DATABASE_URL: name === undefined ? undefined : routeDatabase(databaseUrl(name)),
  });
  const root: DynamicModule =
    extraImports.length === 0
      ? AppModule.forRoot(config)
      : { module: TestRootModule, imports: [AppModule.forRoot(config), ...extraImports] };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    logger: false,
  });
  installConformanceGate(app);
  setupApp(app);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      if (name !== undefined) await withAdminClient((client) => dropDatabase(client, name));
      rmSync(config.app.dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database cloned from the migrated template; its name. */
export async function cloneTemplate(): Promise<string> {
  const template = process.env[ENV_TEMPLATE];
  if (template === undefined)
    throw new Error('e2e global setup did not create a template database');
  const name = newDatabaseName();
  assertTestDatabase(name);
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return name;
}
