/**
 * Upload benchmark (issue 6): median wall time of `POST /api/workouts` for a generated
 * 100,000-point GPX file, sequentially, end to end over HTTP (multipart parsing, analysis, map
 * without tile server, files, database, response; the request body is encoded once and sent
 * from a worker thread, as from a client on another machine).
 * Target: ≤ 0.16 s median on 2 cores.
 * Standalone: it creates a scratch database on the local PostgreSQL (TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432), starts the application itself and drops the database.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/uploads.bench.ts
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

import { withScratchServer } from './scratch-server';

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
 * The client runs in a worker thread, as a remote client would run elsewhere: its 9 MB
 * writes do not queue on the server's event loop. It uploads `warmUp + samples` times in a
 * row and returns the wall time of each of the last `samples`.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { url, token, body, contentType, warmUp, samples } = workerData;
  const times = [];
  for (let i = 0; i < warmUp + samples; i++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': contentType },
      body,
    });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error('upload ' + i + ': HTTP ' + response.status);
    if (i >= warmUp) times.push(elapsed);
  }
  parentPort.postMessage(times);
})();
`;

function uploadTimes(
  url: string,
  token: string,
  request: { body: Buffer; contentType: string },
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, {
      eval: true,
      workerData: { url, token, ...request, warmUp: WARM_UP, samples: SAMPLES },
    });
    worker.once('message', (times: number[]) => {
      resolve(times);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`upload client exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  // No tile server: the map is drawn track-only, as when tiles are down (issue 6).
  const env = { TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' };
  await withScratchServer(env, async ({ app, dataSource, base }) => {
    await dataSource.query(
      `UPDATE app_config SET max_single_file_size = 64 << 20, max_zip_file_size = 128 << 20`,
    );
    const user = await createUser(dataSource);
    const token = app.get(AuthTokensService).issueAuthToken(user.id);
    const gpx = syntheticGpx({ points: POINTS });
    const request = multipartBody(gpx, 'bench.gpx');
    const times = await uploadTimes(`${base}/api/workouts`, token, request);
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
