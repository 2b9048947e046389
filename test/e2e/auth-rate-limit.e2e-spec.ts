import { Redis } from 'ioredis';
import request, { type Response } from 'supertest';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const login = (t: TestApp): Promise<Response> =>
  request(t.http).post('/api/auth/login').send({ email: 'a@example.com', password: 'x' });

describe('rate limiting (docs/compatibility.md#rate-limits)', () => {
  describe.each([
    ['in memory', false],
    ['on Redis', true],
  ])('%s', (_mode, useRedis) => {
    const prefix = randomRedisPrefix();
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({
        API_RATE_LIMITS: '3 per minute, 2 per 1 hour',
        ...(useRedis ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
      });
    });
    afterAll(async () => {
      await t.close();
      if (useRedis) await cleanupRedis(prefix);
    });

    it('answers 429 with the exceeded limit once a limit is reached, with headers', async () => {
      const first = await login(t);
      expect(first.status).toBe(401);
      expect(first.headers['x-ratelimit-limit']).toBe('3');
      expect(first.headers['x-ratelimit-remaining']).toBe('2');
      expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      expect((await login(t)).status).toBe(401);
      const limited = await login(t);
      expectEnvelopeError(limited, 429, 'error', 'rate limit exceeded (2 per 1 hour)');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
      expect(limited.headers['x-ratelimit-limit']).toBe('2');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    });

    it('counts each route separately and leaves other routes alone', async () => {
      const register = await request(t.http).post('/api/auth/register').send({});
      expect(register.status).toBe(400);
      expect(register.headers['x-ratelimit-remaining']).toBe('2');
      const ping = await request(t.http).get('/api/ping');
      expect(ping.status).toBe(200);
      expect(ping.headers['x-ratelimit-limit']).toBeUndefined();
    });

    it.each(['/api/auth/password/reset-request', '/api/auth/account/resend-confirmation'])(
      'limits %s',
      async (path) => {
        const res = await request(t.http).post(path).send({});
        expect(res.headers['x-ratelimit-limit']).toBe('3');
      },
    );

    if (useRedis) {
      it('keeps the counters in Redis under the key prefix', async () => {
        const redis = new Redis(TEST_REDIS_URL);
        const keys = await redis.keys(`${prefix}:rate-limit:*`);
        redis.disconnect();
        expect(keys.length).toBeGreaterThan(0);
      });
    }
  });

  it('lets requests through when Redis is unreachable', async () => {
    const t = await createTestApp({
      API_RATE_LIMITS: '1 per minute',
      REDIS_URL: 'redis://127.0.0.1:1',
      DISABLE_WORKER: '1',
    });
    try {
      for (let i = 0; i < 3; i += 1) expect((await login(t)).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
