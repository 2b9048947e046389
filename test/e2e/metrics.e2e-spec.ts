import type { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { createTestApp, isEmbeddedRun, type TestApp } from 'test/setup/test-app';

const TOKEN = 'metrics-token-for-the-e2e-tests';

/**
 * The value of the one sample whose name and labels are exactly these (labels in any order);
 * `absent` when there is none yet (a labelled series appears with its first observation).
 */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
  absent?: number,
): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const found = text.split('\n').filter((line) => {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) return false;
    const has = (match[2] ?? '').split(/,(?=[a-z_]+=")/).filter((l) => l !== '');
    return has.length === wanted.length && wanted.every((l) => has.includes(l));
  });
  if (found.length === 0 && absent !== undefined) return absent;
  if (found.length !== 1)
    throw new Error(`${found.length} samples of ${name}${JSON.stringify(labels)}`);
  return Number((found[0] ?? '').split(' ').pop());
}

/** GET /metrics: off unless METRICS_TOKEN is set, then the Prometheus text format (docs/operations.md#metrics). */
describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const t = await createTestApp({});
    try {
      const res = await request(t.http).get('/metrics').set(bearer(TOKEN));
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    const scrape = async (): Promise<string> => {
      const res = await request(t.http).get('/metrics').set(bearer(TOKEN)).expect(200);
      // The Prometheus text format, version 0.0.4 (parameters in any order).
      const type = String(res.headers['content-type']).split(/; */);
      expect(type[0]).toBe('text/plain');
      expect(type).toContain('version=0.0.4');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      return res.text;
    };

    beforeAll(async () => {
      t = await createTestApp({ METRICS_TOKEN: TOKEN });
    });
    afterAll(async () => {
      await t.close();
    });

    it('asks for the token (401) and refuses a wrong one (403)', async () => {
      const none = await request(t.http).get('/metrics');
      expectEnvelopeError(none, 401, 'error', 'provide a valid auth token');
      expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      const basic = await request(t.http).get('/metrics').auth('prometheus', TOKEN);
      expect(basic.status).toBe(401);
      const wrong = await request(t.http)
        .get('/metrics')
        .set(bearer(`${TOKEN}x`));
      expectEnvelopeError(wrong, 403, 'error', 'invalid token');
    });

    it('counts and times requests per route template, unknown routes grouped', async () => {
      const before = await scrape();
      const pings = (): number =>
        sample(
          before,
          'pacekeeper_http_requests_total',
          {
            method: 'GET',
            route: '/api/ping',
            status_class: '2xx',
          },
          0,
        );
      for (let i = 0; i < 3; i++) await request(t.http).get('/api/ping').expect(200);
      await request(t.http).get('/api/workouts/aBcDeFgHiJkLmNoPqRsTuV').expect(401);
      await request(t.http).get('/api/no-such-route/4711').expect(404);
      await request(t.http).delete('/no-such-page').expect(404);
      const text = await scrape();
      const ping = { method: 'GET', route: '/api/ping' };
      expect(sample(text, 'pacekeeper_http_requests_total', { ...ping, status_class: '2xx' })).toBe(
        pings() + 3,
      );
      expect(
        sample(text, 'pacekeeper_http_request_duration_seconds_bucket', { ...ping, le: '+Inf' }),
      ).toBe(pings() + 3);
      expect(
        sample(text, 'pacekeeper_http_request_duration_seconds_bucket', { ...ping, le: '10' }),
      ).toBe(pings() + 3);
      expect(sample(text, 'pacekeeper_http_request_duration_seconds_count', ping)).toBe(
        pings() + 3,
      );
      expect(
        sample(text, 'pacekeeper_http_requests_total', {
          method: 'GET',
          route: '/api/workouts/:workout_id',
          status_class: '4xx',
        }),
      ).toBe(1);
      expect(
        sample(text, 'pacekeeper_http_requests_total', {
          method: 'GET',
          route: 'unmatched',
          status_class: '4xx',
        }),
      ).toBe(1);
      expect(
        sample(text, 'pacekeeper_http_requests_total', {
          method: 'DELETE',
          route: 'unmatched',
          status_class: '4xx',
        }),
      ).toBe(1);
      // Raw URLs never become labels: the series stay bounded by the routes.
      expect(text).not.toContain('aBcDeFgHiJkLmNoPqRsTuV');
      expect(text).not.toContain('4711');
      // The refused scrapes above are counted under the endpoint's own path.
      expect(text).toMatch(/pacekeeper_http_requests_total\{[^}]*route="\/metrics"/);
    });

    it('reports upload sizes and analysis time, the pool, the job queue and the process', async () => {
      const user = await createUser(t.dataSource);
      const gpx = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
      await postWorkoutFile(t, firstPartyToken(t.app, user), gpx).expect(201);
      const jobs = t.app.get<JobQueue>(JOB_QUEUE) as InProcessJobQueue;
      jobs.register('always_fails', () => Promise.reject(new Error('as the test wants')));
      await jobs.enqueue('always_fails', {});
      await jobs.drain();
      const text = await scrape();
      expect(sample(text, 'pacekeeper_workout_upload_bytes_count', { type: 'gpx' })).toBe(1);
      expect(sample(text, 'pacekeeper_workout_upload_bytes_sum', { type: 'gpx' })).toBe(gpx.length);
      expect(
        sample(text, 'pacekeeper_workout_file_analysis_seconds_count', { format: 'gpx' }),
      ).toBe(1);
      expect(sample(text, 'pacekeeper_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
      expect(
        sample(text, 'pacekeeper_db_pool_connections', { state: 'idle' }),
      ).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'pacekeeper_db_pool_connections', { state: 'waiting' })).toBe(0);
      expect(
        sample(text, 'pacekeeper_db_pool_max_connections', {
          database: isEmbeddedRun() ? 'embedded' : 'postgresql',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'pacekeeper_job_queue_jobs', { state: 'waiting' })).toBe(0);
      expect(sample(text, 'pacekeeper_jobs_failed_total', { job: 'always_fails' })).toBe(1);
      expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    });
  });
});
