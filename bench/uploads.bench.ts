/**
 * Upload benchmark (issue 6): median wall time of `POST /api/workouts` for a generated
 * 100,000-point GPX file, sequentially, end to end over HTTP (multipart parsing, analysis, map
 * without tile server, files, database, response) against the built server in its own process,
 * as `npm start` runs it; the request body is encoded once, as a client would send a file.
 * Target: ≤ 0.16 s median on 2 cores.
 * Standalone: it creates a scratch database on the local PostgreSQL (TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432), starts `dist/main.js` on it and drops the database.
 *
 *   npm run build && npx ts-node -r tsconfig-paths/register --transpile-only bench/uploads.bench.ts
 */
import { request as httpRequest } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';

import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

import { withServerProcess } from './server-process';

const POINTS = 100_000;
const WARM_UP = 3;
const SAMPLES = 15;
const TARGET_MEDIAN_MS = 160;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.floor(q * sorted.length));
  return sorted[i] ?? NaN;
}

/**
 * The multipart body, encoded once: the clock then measures the server (multipart parsing
 * included), not the client re-encoding 9 MB on the same two cores before every request.
 */
function multipartBody(gpx: Buffer, fileName: string): { body: Buffer; contentType: string } {
  const boundary = `----pacekeeper-bench-${Date.now()}`;
  const head = (disposition: string, type?: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n` +
    (type === undefined ? '' : `Content-Type: ${type}\r\n`) +
    '\r\n';
  const body = Buffer.concat([
    Buffer.from(`${head('name="data"')}{"sport_id": 1}\r\n`),
    Buffer.from(head(`name="file"; filename="${fileName}"`, 'application/gpx+xml')),
    gpx,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * One upload with `node:http`, the body written as it is (fetch copies a Buffer body before
 * sending it, which the clock would count against the server).
 */
function upload(
  url: URL,
  token: string,
  request: { body: Buffer; contentType: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': request.contentType,
          'Content-Length': request.body.length,
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => {
          resolve(response.statusCode ?? 0);
        });
        response.once('error', reject);
      },
    );
    sent.once('error', reject);
    sent.end(request.body);
  });
}

/** Uploads `warmUp + samples` times in a row; the wall time of each of the last `samples`. */
async function uploadTimes(
  url: URL,
  token: string,
  request: { body: Buffer; contentType: string },
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const started = performance.now();
    const status = await upload(url, token, request);
    const elapsed = performance.now() - started;
    if (status !== 201) throw new Error(`upload ${i}: HTTP ${status}`);
    if (i >= WARM_UP) times.push(elapsed);
  }
  return times;
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEFAULT_PASSWORD }),
  });
  const body = (await response.json()) as { auth_token?: string };
  if (body.auth_token === undefined) throw new Error(`login: HTTP ${response.status}`);
  return body.auth_token;
}

async function main(): Promise<void> {
  // No tile server: the map is drawn track-only, as when tiles are down (issue 6).
  const env = { TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' };
  await withServerProcess(env, async ({ dataSource, base }) => {
    await dataSource.query(
      `UPDATE app_config SET max_single_file_size = 64 << 20, max_zip_file_size = 128 << 20`,
    );
    const user = await createUser(dataSource);
    const token = await login(base, user.email);
    const gpx = syntheticGpx({ points: POINTS });
    const request = multipartBody(gpx, 'bench.gpx');
    const times = await uploadTimes(new URL(`${base}/api/workouts`), token, request);
    const sorted = [...times].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const result = {
      benchmark: 'POST /api/workouts, one GPX file',
      points: POINTS,
      file_mb: Number((gpx.length / 1024 / 1024).toFixed(2)),
      samples: SAMPLES,
      median_ms: Number(median.toFixed(1)),
      p90_ms: Number(quantile(sorted, 0.9).toFixed(1)),
      min_ms: Number((sorted[0] ?? NaN).toFixed(1)),
      target_median_ms: TARGET_MEDIAN_MS,
      ok: median <= TARGET_MEDIAN_MS,
      cores: availableParallelism(),
      load_average_1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    };
    console.table([result]);
    console.log(JSON.stringify(result));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
