import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { S3WorkoutFileStorage } from 'src/workouts/files/storage/s3-workout-file-storage';

/** Listing a bucket costs requests: orphans are looked for less often than temp files. */
const SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * The S3 driver's lifecycle: an orphan sweep shortly after start-up (in the background: a
 * large bucket must not delay the first request) and then periodically, and the pending
 * resolutions stopped at shutdown.
 */
export class S3WorkoutFileStorageService
  extends S3WorkoutFileStorage
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('WorkoutFileStorage');
  private sweepTimer: NodeJS.Timeout | undefined;

  onApplicationBootstrap(): void {
    const first = setTimeout(() => void this.sweepAndLog(), 10_000);
    first.unref();
    this.sweepTimer = setInterval(() => void this.sweepAndLog(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
    this.unresolved.stop();
  }

  private async sweepAndLog(): Promise<void> {
    try {
      const { removed } = await this.sweep();
      if (removed > 0) this.logger.log(`object store sweep: ${removed} orphan objects removed`);
    } catch (error) {
      this.logger.warn(`object store sweep failed: ${String(error)}`);
    }
  }
}
