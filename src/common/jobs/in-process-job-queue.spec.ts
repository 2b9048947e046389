import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';

describe('InProcessJobQueue', () => {
  it('runs the handler after enqueue returns, with the payload', async () => {
    const queue = new InProcessJobQueue();
    const seen: unknown[] = [];
    queue.register('job', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    await queue.enqueue('job', { a: 1 });
    expect(seen).toEqual([]);
    await queue.drain();
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('keeps running other jobs when one fails', async () => {
    const queue = new InProcessJobQueue();
    const seen: number[] = [];
    queue.register('job', (payload) => {
      if (payload['n'] === 1) return Promise.reject(new Error('boom'));
      seen.push(payload['n'] as number);
      return Promise.resolve();
    });
    await queue.enqueue('job', { n: 1 });
    await queue.enqueue('job', { n: 2 });
    await queue.drain();
    expect(seen).toEqual([2]);
  });

  it('tells its failure listeners the name of each failed job, and counts running jobs', async () => {
    const queue = new InProcessJobQueue();
    const failed: string[] = [];
    queue.onFailed((name) => failed.push(name));
    queue.register('fails', () => Promise.reject(new Error('boom')));
    queue.register('works', () => Promise.resolve());
    await queue.enqueue('fails', {});
    await queue.enqueue('works', {});
    await expect(queue.counts()).resolves.toEqual({ waiting: 0, active: 2, delayed: 0 });
    await queue.drain();
    expect(failed).toEqual(['fails']);
    await expect(queue.counts()).resolves.toEqual({ waiting: 0, active: 0, delayed: 0 });
    await expect(queue.problem()).resolves.toBeUndefined();
  });

  it('refuses a job without handler', async () => {
    await expect(new InProcessJobQueue().enqueue('unknown', {})).rejects.toThrow(
      'no handler registered for job unknown',
    );
  });
});
