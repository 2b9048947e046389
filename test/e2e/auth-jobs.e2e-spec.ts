import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { BullMqJobQueue } from 'src/common/jobs/bullmq-job-queue';
import { register } from 'test/helpers/auth-api';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { SmtpSink } from 'test/helpers/smtp-sink';
import { createTestApp } from 'test/setup/test-app';

type Payload = Readonly<Record<string, unknown>>;

function waitUntil(check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

describe('BullMQ job queue (REDIS_URL)', () => {
  const prefix = randomRedisPrefix();
  const queues: BullMqJobQueue[] = [];
  const newQueue = (): BullMqJobQueue => {
    const queue = new BullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix });
    queues.push(queue);
    return queue;
  };

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
  });
  // The failing job of the retry test is logged on purpose; keep the test output clean.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => cleanupRedis(prefix));

  it('runs an enqueued job in the worker with its payload', async () => {
    const queue = newQueue();
    const seen: Payload[] = [];
    queue.register('echo', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    queue.startWorker();
    await queue.enqueue('echo', { to: 'x@example.com', n: 3 });
    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual([{ to: 'x@example.com', n: 3 }]);
  });

  it('lets an instance without worker hand its jobs to another one', async () => {
    const api = newQueue();
    const worker = newQueue();
    const seen: string[] = [];
    worker.register('job', (payload) => {
      seen.push(String(payload['id']));
      return Promise.resolve();
    });
    await api.enqueue('job', { id: 'a' });
    await api.enqueue('job', { id: 'b' });
    worker.startWorker();
    await waitUntil(() => seen.length === 2);
    expect(seen.sort()).toEqual(['a', 'b']);
  });

  it('retries a failed job', async () => {
    const queue = newQueue();
    let attempts = 0;
    queue.register('flaky', () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('SMTP down')) : Promise.resolve();
    });
    queue.startWorker();
    await queue.enqueue('flaky', {});
    await waitUntil(() => attempts === 2);
    expect(attempts).toBe(2);
  });
});

describe('API with DISABLE_WORKER and a separate worker process (npm run worker)', () => {
  it('sends the email only once the worker runs', async () => {
    const prefix = randomRedisPrefix();
    const sink = new SmtpSink();
    const url = await sink.start();
    const t = await createTestApp({
      EMAIL_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      DISABLE_WORKER: '1',
    });
    try {
      await register(t.http, { username: 'queued', email: 'queued@example.com' }).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sink.emails).toHaveLength(0);
      // What src/worker.ts does: the application context, worker enabled, no HTTP server.
      const worker = await NestFactory.createApplicationContext(
        AppModule.forRoot({ ...t.config, app: { ...t.config.app, isWorkerDisabled: false } }),
        { logger: false },
      );
      try {
        await worker.init();
        const [email] = await sink.waitFor('queued@example.com');
        expect(email?.subject).toBe('Confirm your account');
      } finally {
        await worker.close();
      }
    } finally {
      await t.close();
      await sink.stop();
      await cleanupRedis(prefix);
    }
  });
});
