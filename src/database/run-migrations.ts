import type { AppConfig } from 'src/config/configuration';
import { buildDataSourceOptions } from 'src/database/data-source.options';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';
import { DataSource } from 'typeorm';

/** Applies pending migrations to DATABASE_URL, or to the embedded database; returns their names. */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const embedded =
    config.database.url === undefined
      ? await EmbeddedPostgres.start(config.app.dataDir)
      : undefined;
  const url = config.database.url ?? embedded?.url ?? '';
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: 1 }));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}
