// Jest loads global setup outside its module registry: resolve src/… and test/… paths here.
import 'tsconfig-paths/register';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runMigrations } from 'src/database/run-migrations';
import { ENV_GATE_DIR } from 'test/conformance/conformance-gate';
import { buildTestConfig } from 'test/setup/test-config';
import {
  ADMIN_URL,
  databaseUrl,
  dropDatabase,
  ENV_EMBEDDED,
  ENV_TEMPLATE,
  isPostgresReachable,
  templateName,
  withAdminClient,
} from 'test/setup/test-database';

/**
 * Migrates a template database once; each test file then clones it (CREATE DATABASE … TEMPLATE),
 * so files run in parallel without sharing rows. Without PostgreSQL, the suite runs on the
 * embedded database instead.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  process.env[ENV_GATE_DIR] = mkdtempSync(join(tmpdir(), 'pacekeeper-conformance-'));
  if (process.env[ENV_EMBEDDED] === '1' || !(await isPostgresReachable())) {
    if (process.env[ENV_EMBEDDED] !== '1') {
      console.log(
        `\nPostgreSQL is not reachable at ${redact(ADMIN_URL)}: running the e2e suite on the embedded database.`,
      );
    }
    process.env[ENV_EMBEDDED] = '1';
    return;
  }
  const template = templateName();
  await withAdminClient(async (client) => {
    await dropDatabase(client, template);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await runMigrations(buildTestConfig({ DATABASE_URL: databaseUrl(template) }));
  process.env[ENV_TEMPLATE] = template;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
