/**
 * Upload benchmark (issue 6): median wall time of `POST /api/workouts` for a generated
 * 100,000-point GPX file, sequentially, end to end over HTTP (multipart parsing, analysis, map
 * without tile server, files, database, response) against the built server in its own process,
 * as `npm start` runs it; the request body is encoded once, as a client would send a file.
 * Target: ≤ 0.16 s median on 2 cores. Then 20 concurrent uploads of 10,000-point files, checked
 * for errors, figures and records (`concurrent-uploads.ts`).
 * Standalone: it creates a scratch database on the local PostgreSQL (TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432), starts `dist/main.js` on it and drops the database.
 *
 *   npm run build && npx ts-node -r tsconfig-paths/register --transpile-only bench/uploads.bench.ts
 */
import { availableParallelism, loadavg } from 'node:os';

import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import type { DataSource } from 'typeorm';

import { concurrentUploads } from './concurrent-uploads';
import { withServerProcess } from './server-process';
import { login, multipartBody, upload } from './upload-client';

const POINTS = 100_000;
const WARM_UP = 3;
const SAMPLES = 15;
const TARGET_MEDIAN_MS = 160;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.floor(q * sorted.length));
  return sorted[i] ?? NaN;
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
    const { status } = await upload(url, token, request);
    const elapsed = performance.now() - started;
    if (status !== 201) throw new Error(`upload ${i}: HTTP ${status}`);
    if (i >= WARM_UP) times.push(elapsed);
  }
  return times;
}

/** The sequential 100,000-point upload scenario (issue 6 target: median ≤ 160 ms). */
async function largeUpload(base: string, dataSource: DataSource): Promise<Record<string, unknown>> {
  const user = await createUser(dataSource);
  const token = await login(base, user.email);
  const gpx = syntheticGpx({ points: POINTS });
  const request = multipartBody(gpx, 'bench.gpx');
  const times = await uploadTimes(new URL(`${base}/api/workouts`), token, request);
  const sorted = [...times].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  return {
    benchmark: 'POST /api/workouts, one GPX file',
    points: POINTS,
    file_mb: Number((gpx.length / 1024 / 1024).toFixed(2)),
    samples: SAMPLES,
    median_ms: Number(median.toFixed(1)),
    p90_ms: Number(quantile(sorted, 0.9).toFixed(1)),
    min_ms: Number((sorted[0] ?? NaN).toFixed(1)),
    target_median_ms: TARGET_MEDIAN_MS,
    ok: median <= TARGET_MEDIAN_MS,
  };
}

async function main(): Promise<void> {
  // No tile server: the map is drawn track-only, as when tiles are down (issue 6).
  const env = { TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' };
  await withServerProcess(env, async ({ dataSource, base }) => {
    await dataSource.query(
      `UPDATE app_config SET max_single_file_size = 64 << 20, max_zip_file_size = 128 << 20`,
    );
    for (const scenario of [largeUpload, concurrentUploads]) {
      const result = {
        ...(await scenario(base, dataSource)),
        cores: availableParallelism(),
        load_average_1m: Number((loadavg()[0] ?? 0).toFixed(2)),
      };
      console.table([result]);
      console.log(JSON.stringify(result));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
