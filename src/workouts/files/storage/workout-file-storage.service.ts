import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import {
  type CommitResolver,
  WorkoutFileStorage,
} from 'src/workouts/files/storage/workout-file-storage';

/** Temp files younger than this may belong to an upload still running. */
export const TEMP_FILE_MAX_AGE_MS = 15 * 60 * 1000;

/**
 * The storage rooted at `app.uploadFolder`, swept once at start-up. The workouts module
 * registers a resolver (does a workout row reference this path?) in its `onModuleInit`, which
 * Nest runs before `onApplicationBootstrap`.
 */
@Injectable()
export class WorkoutFileStorageService
  extends WorkoutFileStorage
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(WorkoutFileStorageService.name);
  private commitResolver: CommitResolver | undefined;

  constructor(config: ConfigService<AppConfig, true>) {
    super(config.get('app.uploadFolder', { infer: true }));
  }

  setCommitResolver(resolver: CommitResolver): void {
    this.commitResolver = resolver;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { removed, committed } = await this.sweep(TEMP_FILE_MAX_AGE_MS, this.commitResolver);
      if (removed + committed > 0) {
        this.logger.log(`upload temp sweep: ${removed} removed, ${committed} committed`);
      }
    } catch (error) {
      this.logger.warn(`upload temp sweep failed: ${String(error)}`);
    }
  }
}
