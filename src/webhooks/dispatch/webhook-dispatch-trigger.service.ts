import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import type { AppConfig } from 'src/config/configuration';
import { WebhookDispatcher } from 'src/webhooks/dispatch/webhook-dispatcher.service';

export const DISPATCH_JOB = 'webhooks.dispatch';

/**
 * Runs the dispatcher every WEBHOOKS_POLL_INTERVAL_MS: in this process without Redis; with
 * REDIS_URL as a BullMQ job that any worker takes, at most one queued at a time
 * (docs/webhooks.md#delivery). Undelivered events of a killed process are found by the next run.
 */
@Injectable()
export class WebhookDispatchTrigger
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  private get isOnRedis(): boolean {
    return this.config.get('redis.url', { infer: true }) !== undefined;
  }

  onModuleInit(): void {
    if (this.isOnRedis) this.jobs.register(DISPATCH_JOB, () => this.dispatcher.runOnce());
  }

  onApplicationBootstrap(): void {
    const interval = this.config.get('webhooks.pollIntervalMs', { infer: true });
    this.timer = setInterval(() => {
      this.tick();
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dispatcher.idle();
  }

  private tick(): void {
    if (!this.isOnRedis) {
      void this.dispatcher.runOnce();
      return;
    }
    this.jobs.enqueue(DISPATCH_JOB, {}, { jobId: 'webhooks-dispatch' }).catch((error: unknown) => {
      this.logger.warn(`webhook dispatch job: ${(error as Error).message}`);
    });
  }
}
