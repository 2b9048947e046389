import { join } from 'node:path';

import { SnakeNamingStrategy } from 'src/database/snake-naming.strategy';
import type { DataSourceOptions } from 'typeorm';

export interface ConnectionOptions {
  url: string;
  /** Pool size; the embedded database must use 1 so that transactions never share a session. */
  poolSize?: number;
  /** How long an idle pooled connection stays open; 0 keeps it (pg's default is 10 s). */
  idleTimeoutMillis?: number;
  /** Limit on opening a connection or waiting for a pooled one (CONNECT_TIMEOUT_MS). */
  connectTimeoutMillis?: number;
  isLogging?: boolean;
}

export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Options shared by the application and the TypeORM CLI (ormconfig.ts). The schema only ever
 * changes through migrations, so every database follows the same history: `synchronize` is off everywhere.
 */
export function buildDataSourceOptions(options: ConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: options.isLogging === true ? ['error', 'warn'] : false,
    extra: {
      max: options.poolSize ?? 10,
      idleTimeoutMillis: options.idleTimeoutMillis ?? 10000,
      // Bounds both a new connection and the wait for a pooled one: while PostgreSQL is
      // unreachable, requests fail over to a 503 within this time instead of queueing.
      connectionTimeoutMillis: options.connectTimeoutMillis ?? CONNECT_TIMEOUT_MS,
      // Lets the kernel notice a connection whose peer vanished without a reset.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
    },
  };
}
