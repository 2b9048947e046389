/**
 * Background work (emails, data-export archives) behind one interface: in-process by default,
 * a BullMQ queue on Redis when REDIS_URL is set (several API instances then share the worker).
 */
export type JobHandler = (payload: Readonly<Record<string, unknown>>) => Promise<void>;

export interface EnqueueOptions {
  /** On Redis, a job is not added while another with this id is queued or running. */
  jobId?: string;
}

export interface JobQueue {
  /** Registers the handler of a job name; done once at module init by the owning feature. */
  register(name: string, handler: JobHandler): void;
  enqueue(
    name: string,
    payload: Readonly<Record<string, unknown>>,
    options?: EnqueueOptions,
  ): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
