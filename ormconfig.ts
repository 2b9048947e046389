import 'tsconfig-paths/register';

import { loadAppConfig } from 'src/config/configuration';
import { buildDataSourceOptions } from 'src/database/data-source.options';
import { DataSource } from 'typeorm';

/**
 * TypeORM CLI entry (`npx typeorm-ts-node-commonjs -d ormconfig.ts migration:generate …`).
 * Needs DATABASE_URL: the CLI does not start the embedded database.
 */
const config = loadAppConfig();
if (config.database.url === undefined) throw new Error('Set DATABASE_URL to use the TypeORM CLI');

export default new DataSource(buildDataSourceOptions({ url: config.database.url }));
