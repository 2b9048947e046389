import { Injectable, Logger } from '@nestjs/common';
import type { JobCounts, JobHandler, JobQueue } from 'src/common/jobs/job-queue';

/** Runs jobs in this process, after the current request, one failure never affecting another. */
@Injectable()
export class InProcessJobQueue implements JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Set<Promise<void>>();
  private readonly failureListeners: ((name: string) => void)[] = [];

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  enqueue(name: string, payload: Readonly<Record<string, unknown>>): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) return Promise.reject(new Error(`no handler registered for job ${name}`));
    const job = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => handler(payload))
      .catch((error: unknown) => {
        this.logger.error({ err: error, job: name }, `job ${name} failed`);
        for (const listener of this.failureListeners) listener(name);
      })
      .finally(() => this.running.delete(job));
    this.running.add(job);
    return Promise.resolve();
  }

  onFailed(listener: (name: string) => void): void {
    this.failureListeners.push(listener);
  }

  /** Started jobs are `active`; nothing waits in a queue. */
  counts(): Promise<JobCounts> {
    return Promise.resolve({ waiting: 0, active: this.running.size, delayed: 0 });
  }

  /** Jobs run in this process: they can always be queued. */
  problem(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /** Resolves when every job enqueued so far has finished (used by shutdown and tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
