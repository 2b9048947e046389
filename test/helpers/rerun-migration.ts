import type { DataSource, MigrationInterface } from 'typeorm';

/** Undoes then applies a migration again on the test database, as on a database that predates it. */
export async function rerunMigration(
  dataSource: DataSource,
  migration: MigrationInterface,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await migration.down(runner);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
}
