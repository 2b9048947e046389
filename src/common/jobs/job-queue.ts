/**
 * Background work (emails, data-export archives) behind one interface: in-process by default,
 * a BullMQ queue on Redis when REDIS_URL is set (several API instances then share the worker).
 */
export type JobHandler = (payload: Readonly<Record<string, unknown>>) => Promise<void>;

export interface EnqueueOptions {
  /** On Redis, a job is not added while another with this id is queued or running. */
  jobId?: string;
}

/** Jobs by state (`waiting`, `active`, `delayed`…), for the queue depth metric. */
export type JobCounts = Record<string, number>;

export interface JobQueue {
  /** Registers the handler of a job name; done once at module init by the owning feature. */
  register(name: string, handler: JobHandler): void;
  enqueue(
    name: string,
    payload: Readonly<Record<string, unknown>>,
    options?: EnqueueOptions,
  ): Promise<void>;
  /** `listener` hears the name of each job run that fails in this process (metrics). */
  onFailed(listener: (name: string) => void): void;
  /** Jobs by state, or undefined when the queue cannot tell now (its Redis is down). */
  counts(): Promise<JobCounts | undefined>;
  /** Undefined when jobs can be queued, else why not (an error code, never an address). */
  problem(timeoutMs: number): Promise<string | undefined>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
