import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';
import type { AppConfig } from 'src/config/configuration';
import { DependencyHealthIndicator } from 'src/health/dependency-health.indicator';
import { HealthController } from 'src/health/health.controller';
import { RedisHealthIndicator } from 'src/health/redis-health.indicator';
import {
  LocalFolderHealth,
  ObjectStoreHealth,
  STORAGE_HEALTH,
  type StorageHealth,
} from 'src/health/storage-health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    RedisHealthIndicator,
    DependencyHealthIndicator,
    {
      // The storage driver's check: the upload folder for the local driver (the default), the
      // bucket for the S3 one.
      provide: STORAGE_HEALTH,
      inject: [ConfigService, ObjectStorageService],
      useFactory: (
        config: ConfigService<AppConfig, true>,
        storage: ObjectStorageService,
      ): StorageHealth =>
        storage.driver === 's3'
          ? new ObjectStoreHealth(storage)
          : new LocalFolderHealth(config.get('app.uploadFolder', { infer: true })),
    },
  ],
})
export class HealthModule {}
