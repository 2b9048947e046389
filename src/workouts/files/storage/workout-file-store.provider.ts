import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';
import type { AppConfig } from 'src/config/configuration';
import { S3WorkoutFileStorageService } from 'src/workouts/files/storage/s3-workout-file-storage.service';
import { WorkoutFileStorageService } from 'src/workouts/files/storage/workout-file-storage.service';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';

/** The workout files' driver, as STORAGE_DRIVER chose (docs/storage.md). */
export const WORKOUT_FILE_STORE_PROVIDER: Provider = {
  provide: WorkoutFileStore,
  inject: [ObjectStorageService, ConfigService],
  useFactory: (
    storage: ObjectStorageService,
    config: ConfigService<AppConfig, true>,
  ): WorkoutFileStore =>
    storage.s3 === undefined
      ? new WorkoutFileStorageService(config)
      : new S3WorkoutFileStorageService(storage.s3),
};
