import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import { DatabaseConnection } from 'src/database/database-connection';
import { DataSource } from 'typeorm';

/** What node-postgres' Pool tells about itself. */
interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/**
 * The connection pool's use when scraped (docs/operations.md#metrics). The embedded database
 * has a pool of one connection to the database in this process: `waiting` then counts the
 * queries queued behind the one running.
 */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: DatabaseConnection,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    const pool = (): PoolState | undefined =>
      (this.dataSource.driver as unknown as { master?: PoolState }).master;
    this.metrics.gauge(
      'pacekeeper_db_pool_connections',
      'Database connections of the pool: total open, idle, and requests waiting for one.',
      'state',
      () => {
        const state = pool();
        return state === undefined
          ? undefined
          : { total: state.totalCount, idle: state.idleCount, waiting: state.waitingCount };
      },
    );
    this.metrics.gauge(
      'pacekeeper_db_pool_max_connections',
      'Largest size of the pool, by database (embedded or postgresql).',
      'database',
      () => ({
        [this.connection.isEmbedded ? 'embedded' : 'postgresql']: pool()?.options.max ?? 10,
      }),
    );
  }
}
