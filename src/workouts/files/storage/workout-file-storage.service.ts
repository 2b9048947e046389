import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { runsBackgroundWork } from 'src/common/process/cluster-role';
import type { AppConfig } from 'src/config/configuration';
import { WorkoutFileStorage } from 'src/workouts/files/storage/workout-file-storage';

/** The temp folder's mtime is this instance's lease (see `TempFolderLease`). */
const HEARTBEAT_MS = 60_000;
/** Other instances' leftovers are looked at again this often while the server runs. */
const SWEEP_INTERVAL_MS = 5 * 60_000;

/**
 * The storage rooted at `app.uploadFolder`. At start-up, before the server listens (Nest runs
 * `onApplicationBootstrap` inside `init`, which `listen` awaits), it takes its temp folder and
 * sweeps `.tmp/`: every committed workout has its files before the first request is answered.
 * The workouts module registers the commit resolver (does a row reference this path?) in its
 * `onModuleInit`, which Nest runs before `onApplicationBootstrap`.
 */
@Injectable()
export class WorkoutFileStorageService
  extends WorkoutFileStorage
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(WorkoutFileStorageService.name);
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(config: ConfigService<AppConfig, true>) {
    super(config.get('app.uploadFolder', { infer: true }));
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.lease.start(HEARTBEAT_MS);
    } catch (error) {
      // An unwritable upload folder fails the uploads, not the commands that never write there.
      this.logger.warn(`upload temp folder unavailable: ${String(error)}`);
    }
    // In a cluster, one worker sweeps for all; the primary starts the others once it listens.
    if (!runsBackgroundWork()) return;
    await this.sweepAndLog();
    this.sweepTimer = setInterval(() => void this.sweepAndLog(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.unresolved.stop();
    await this.lease.release();
  }

  private async sweepAndLog(): Promise<void> {
    try {
      const { removed, committed, kept } = await this.sweep();
      if (removed + committed > 0)
        this.logger.log(`upload temp sweep: ${removed} removed, ${committed} committed`);
      if (kept > 0) this.logger.debug(`upload temp sweep: ${kept} kept (in flight or unchecked)`);
    } catch (error) {
      this.logger.warn(`upload temp sweep failed: ${String(error)}`);
    }
  }
}
