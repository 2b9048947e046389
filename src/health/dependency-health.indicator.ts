import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import { STORAGE_HEALTH, type StorageHealth } from 'src/health/storage-health';

const TIMEOUT_MS = 3000;

/**
 * The job queue (emails, exports: the Redis queue when REDIS_URL is set, this process
 * otherwise) and the file storage, in the @nestjs/terminus format, `message` saying why when
 * down.
 */
@Injectable()
export class DependencyHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(STORAGE_HEALTH) private readonly files: StorageHealth,
  ) {}

  async queue(): Promise<HealthIndicatorResult<'queue'>> {
    return this.report('queue', await this.jobs.problem(TIMEOUT_MS));
  }

  async storage(): Promise<HealthIndicatorResult<'storage'>> {
    return this.report('storage', await this.files.problem());
  }

  private report<K extends string>(key: K, problem: string | undefined): HealthIndicatorResult<K> {
    const session = this.indicators.check(key);
    return problem === undefined ? session.up() : session.down({ message: problem });
  }
}
