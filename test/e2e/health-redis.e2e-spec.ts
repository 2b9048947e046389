import request from 'supertest';
import { freePort } from 'test/helpers/local-ports';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** GET /api/health checks every configured dependency: Redis when REDIS_URL is set. */
describe('GET /api/health and Redis', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>): Promise<TestApp> => {
    const t = await createTestApp(env);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('checks no Redis when none is configured', async () => {
    const t = await start({});
    const res = await request(t.http).get('/api/health').expect(200);
    expect(Object.keys(res.body.details as object)).toEqual(['database', 'queue', 'storage']);
  });

  it('reports a reachable Redis as up', async () => {
    const t = await start({ REDIS_URL: 'redis://127.0.0.1:6379' });
    const res = await request(t.http).get('/api/health').expect(200);
    expect(res.body.details).toEqual({
      database: { status: 'up' },
      redis: { status: 'up' },
      queue: { status: 'up' },
      storage: { status: 'up' },
    });
  });

  it('is not ready while the configured Redis is down, without naming its address', async () => {
    const port = await freePort();
    const t = await start({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const res = await request(t.http).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { redis: { status: 'down', message: 'ECONNREFUSED' }, queue: { status: 'down' } },
    });
    expect(JSON.stringify(res.body)).not.toContain(String(port));
    // Liveness checks no dependency: the process is alive and must not be restarted for Redis.
    const live = await request(t.http).get('/api/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });
});
