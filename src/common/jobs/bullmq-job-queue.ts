import { Logger } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import type { EnqueueOptions, JobHandler, JobQueue } from 'src/common/jobs/job-queue';

export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Redis key prefix: API instances and workers sharing it share the queue. */
  prefix: string;
  queueName?: string;
}

/**
 * BullMQ needs blocking connections that never give up on a command. A short disconnect
 * timeout: ioredis otherwise keeps the process alive 2 s after closing an unreachable server.
 */
function connectionOf(url: string): {
  url: string;
  maxRetriesPerRequest: null;
  disconnectTimeout: number;
} {
  return { url, maxRetriesPerRequest: null, disconnectTimeout: 100 };
}

/**
 * Jobs on Redis when REDIS_URL is set: any API instance enqueues, the worker (inside the API
 * unless DISABLE_WORKER, or `npm run worker`) runs them; failures are retried three times.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(private readonly options: BullMqJobQueueOptions) {
    this.queue = new Queue(options.queueName ?? 'jobs', {
      connection: connectionOf(options.redisUrl),
      prefix: options.prefix,
    });
    this.queue.on('error', (error: Error) => {
      this.logger.warn(`job queue: ${error.message}`);
    });
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async enqueue(
    name: string,
    payload: Readonly<Record<string, unknown>>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    await this.queue.add(name, payload, {
      ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      // Payloads carry email tokens: do not keep them in Redis once the retries are spent.
      removeOnFail: true,
    });
  }

  /** Starts consuming; called once every feature has registered its handlers. */
  startWorker(): void {
    if (this.worker) return;
    this.worker = new Worker(
      this.queue.name,
      (job: Job<Record<string, unknown>>) => this.run(job),
      { connection: connectionOf(this.options.redisUrl), prefix: this.options.prefix },
    );
    this.worker.on('failed', (job: Job | undefined, error: Error) => {
      this.logger.error({ err: error, job: job?.name }, `job ${job?.name ?? '?'} failed`);
    });
    this.worker.on('error', (error: Error) => {
      this.logger.warn(`job worker: ${error.message}`);
    });
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async run(job: Job<Record<string, unknown>>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler registered for job ${job.name}`);
    await handler(job.data);
  }
}
