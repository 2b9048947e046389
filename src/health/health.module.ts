import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from 'src/config/configuration';
import { DependencyHealthIndicator } from 'src/health/dependency-health.indicator';
import { HealthController } from 'src/health/health.controller';
import { RedisHealthIndicator } from 'src/health/redis-health.indicator';
import { LocalFolderHealth, STORAGE_HEALTH, type StorageHealth } from 'src/health/storage-health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    RedisHealthIndicator,
    DependencyHealthIndicator,
    {
      // The storage driver's check: the upload folder for the local driver (the default).
      provide: STORAGE_HEALTH,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): StorageHealth =>
        new LocalFolderHealth(config.get('app.uploadFolder', { infer: true })),
    },
  ],
})
export class HealthModule {}
