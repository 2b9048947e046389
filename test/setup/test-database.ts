import { createHash, randomBytes } from 'node:crypto';

import { Client } from 'pg';

/** Where the e2e suite finds PostgreSQL: TEST_DATABASE_URL, else the local server. */
export const ADMIN_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export const ENV_TEMPLATE = 'PACEKEEPER_TEST_TEMPLATE';
export const ENV_EMBEDDED = 'PACEKEEPER_TEST_EMBEDDED';

/** One template per checkout, so several checkouts can test on one server at once. */
export function templateName(): string {
  const hash = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10);
  return `pacekeeper_test_template_${hash}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function newDatabaseName(): string {
  return `pacekeeper_test_${randomBytes(6).toString('hex')}`;
}

/** Refuse to touch any database whose name does not say it is a test database. */
export function assertTestDatabase(name: string): void {
  if (!/^pacekeeper_test_[a-z0-9_]+$/.test(name))
    throw new Error(`refusing to use non-test database ${name}`);
}

export async function withAdminClient<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function isPostgresReachable(): Promise<boolean> {
  try {
    await withAdminClient((client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

export async function dropDatabase(client: Client, name: string): Promise<void> {
  assertTestDatabase(name);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
