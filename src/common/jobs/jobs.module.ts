import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BullMqJobQueue } from 'src/common/jobs/bullmq-job-queue';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import { runsBackgroundWork } from 'src/common/process/cluster-role';
import type { AppConfig } from 'src/config/configuration';

/** In-process jobs by default; BullMQ on Redis when REDIS_URL is set. */
@Global()
@Module({
  providers: [
    InProcessJobQueue,
    {
      provide: JOB_QUEUE,
      inject: [ConfigService, InProcessJobQueue],
      useFactory: (config: ConfigService<AppConfig, true>, inProcess: InProcessJobQueue) => {
        const redisUrl = config.get('redis.url', { infer: true });
        if (redisUrl === undefined) return inProcess;
        return new BullMqJobQueue({
          redisUrl,
          prefix: config.get('redis.keyPrefix', { infer: true }),
        });
      },
    },
  ],
  exports: [JOB_QUEUE, InProcessJobQueue],
})
export class JobsModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly inProcess: InProcessJobQueue,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly metrics: AppMetrics,
  ) {}

  /** Failures as they happen; the depth when scraped (docs/operations.md#metrics). */
  onModuleInit(): void {
    this.jobs.onFailed((name) => {
      this.metrics.jobFailures.inc({ job: name });
    });
    // A BullMQ queue is shared: every worker of a cluster sees the same depth, so take one.
    this.metrics.gauge(
      'pacekeeper_job_queue_jobs',
      'Background jobs not finished yet, by state (the Redis queue of every instance, or this process).',
      'state',
      () => this.jobs.counts(),
      this.jobs instanceof BullMqJobQueue ? 'max' : 'sum',
    );
  }

  /** Handlers are registered in onModuleInit, so the worker starts after all of them. */
  onApplicationBootstrap(): void {
    if (
      this.jobs instanceof BullMqJobQueue &&
      !this.config.get('app.isWorkerDisabled', { infer: true }) &&
      runsBackgroundWork()
    )
      this.jobs.startWorker();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.jobs instanceof BullMqJobQueue) await this.jobs.close();
    await this.inProcess.drain();
  }
}
