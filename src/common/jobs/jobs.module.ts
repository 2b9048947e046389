import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BullMqJobQueue } from 'src/common/jobs/bullmq-job-queue';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
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
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly inProcess: InProcessJobQueue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

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
