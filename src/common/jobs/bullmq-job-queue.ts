import { Logger } from '@nestjs/common';
import { type Job, Queue, Worker } from 'bullmq';
import type { EnqueueOptions, JobCounts, JobHandler, JobQueue } from 'src/common/jobs/job-queue';
import { isRedisConnectionError, RedisOutageLog } from 'src/common/redis/redis-outage-log';

export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Redis key prefix: API instances and workers sharing it share the queue. */
  prefix: string;
  queueName?: string;
}

/** States counted for the queue depth: jobs not yet finished. */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized'] as const;
const COUNTS_TIMEOUT_MS = 1000;

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

/** `work`, or undefined once `ms` have passed (a command waits while Redis reconnects). */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Jobs on Redis when REDIS_URL is set: any API instance enqueues, the worker (inside the API
 * unless DISABLE_WORKER, or `npm run worker`) runs them; failures are retried three times.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly failureListeners: ((name: string) => void)[] = [];
  private readonly queue: Queue;
  /** The queue and the worker reconnect by themselves, each reporting every failed attempt. */
  private readonly queueOutage = new RedisOutageLog(
    this.logger,
    'jobs cannot be queued',
    'jobs are queued',
  );
  private readonly workerOutage = new RedisOutageLog(this.logger, 'no job runs', 'jobs run');
  private worker: Worker | undefined;

  constructor(private readonly options: BullMqJobQueueOptions) {
    this.queue = new Queue(options.queueName ?? 'jobs', {
      connection: connectionOf(options.redisUrl),
      prefix: options.prefix,
    });
    this.queue.on('error', (error: Error) => {
      this.report('job queue', this.queueOutage, error);
    });
    this.queue.client.then(
      (client) => {
        this.queueOutage.restored();
        client.on('ready', () => {
          this.queueOutage.restored();
        });
      },
      () => undefined,
    );
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

  onFailed(listener: (name: string) => void): void {
    this.failureListeners.push(listener);
  }

  /** The whole queue's (every instance enqueues into it), as Redis holds it. */
  async counts(): Promise<JobCounts | undefined> {
    if (this.queueOutage.isDown) return undefined;
    return within(this.queue.getJobCounts(...PENDING_STATES), COUNTS_TIMEOUT_MS);
  }

  async problem(timeoutMs: number): Promise<string | undefined> {
    if (this.queueOutage.isDown) return this.queueOutage.reason;
    // A command of the queue itself, on its own connection: what an enqueue needs.
    const counts = await within(this.queue.getJobCounts('waiting'), timeoutMs).catch(
      () => undefined,
    );
    if (counts !== undefined) return undefined;
    return this.queueOutage.reason ?? `no answer within ${timeoutMs}ms`;
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
      for (const listener of this.failureListeners) listener(job?.name ?? 'unknown');
    });
    this.worker.on('error', (error: Error) => {
      this.report('job worker', this.workerOutage, error);
    });
    this.worker.on('ready', () => {
      this.workerOutage.restored();
    });
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private report(what: string, outage: RedisOutageLog, error: Error): void {
    if (isRedisConnectionError(error)) outage.lost(error);
    else this.logger.warn(`${what}: ${error.message}`);
  }

  private async run(job: Job<Record<string, unknown>>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler registered for job ${job.name}`);
    await handler(job.data);
  }
}
