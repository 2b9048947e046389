import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { runsMigrations } from 'src/common/process/cluster-role';
import { buildDataSourceOptions } from 'src/database/data-source.options';
import { DatabaseConnection } from 'src/database/database-connection';
import { PoolMetrics } from 'src/database/pool-metrics';
import { PreparedQueries } from 'src/database/prepared-queries';

@Global()
@Module({ providers: [DatabaseConnection], exports: [DatabaseConnection] })
class DatabaseConnectionModule {}

/** TypeORM on PostgreSQL; pending migrations run at start-up (as immich does), so the schema is always the one the code expects. */
@Module({
  imports: [
    DatabaseConnectionModule,
    TypeOrmModule.forRootAsync({
      inject: [DatabaseConnection],
      useFactory: async (connection: DatabaseConnection) => ({
        ...buildDataSourceOptions(await connection.resolve()),
        migrationsRun: runsMigrations(),
        migrationsTransactionMode: 'each',
      }),
    }),
  ],
  providers: [PoolMetrics],
})
class DataSourceModule {}

/** The data source, and the prepared hot reads for every feature module. */
@Global()
@Module({
  imports: [DataSourceModule],
  providers: [PreparedQueries],
  exports: [PreparedQueries],
})
export class DatabaseModule {}
