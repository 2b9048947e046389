/**
 * `npm run bench`: requests per second and p99 at 16 connections of the hot routes, each as a
 * ratio to a bare Nest app (one controller, express adapter) started by this run on the same
 * machine and measured right before it, so that a busy machine slows both alike. Pacekeeper
 * runs as `npm start` runs it (dist/main.js on PostgreSQL), as one process, then as a cluster
 * of one worker per core. One user owns 10,000 workouts (the profile is also measured for a user without any); the
 * upload is a 100,000-point GPX.
 *
 *   BENCH_DURATION=5 (seconds per measurement)
 */
import { availableParallelism, cpus, loadavg } from 'node:os';

import autocannon from 'autocannon';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';

import { type BareServer, startBareServer } from './bare/bare-server';
import { withServerProcess } from './server-process';
import { login, multipartBody, upload } from './upload-client';

const CONNECTIONS = 16;
const DURATION = Number(process.env['BENCH_DURATION'] ?? 5);
const WORKOUTS = 10_000;
const POINTS = 100_000;

interface Measure {
  rps: number;
  p99: number;
}

interface Row {
  mode: string;
  route: string;
  rps: number;
  p99: number;
  bareRps: number;
}

async function measure(url: string, options: autocannon.Options | object = {}): Promise<Measure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...options,
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) throw new Error(`${url}: ${failures} errors, timeouts or non-2xx answers`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function seed(
  base: string,
  dataSource: Parameters<typeof createUser>[0],
): Promise<{ token: string; username: string; lightToken: string }> {
  const user = await createUser(dataSource);
  await insertWorkoutsInBulk(dataSource, user.id, WORKOUTS, { sports: 3 });
  const token = await login(base, user.email);
  // One workout per sport through the API: the records are computed as for any new workout.
  for (const sport of [1, 2, 3]) {
    const response = await fetch(`${base}/api/workouts/no_gpx`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        sport_id: sport,
        duration: 3600,
        distance: 10,
        workout_date: '2030-01-01 10:00',
      }),
    });
    if (response.status !== 201) throw new Error(`seeding: HTTP ${response.status}`);
  }
  await dataSource.query('VACUUM ANALYZE workouts, workout_stats');
  await dataSource.query(
    `UPDATE app_config SET max_single_file_size = 64 << 20, max_zip_file_size = 128 << 20`,
  );
  // The auth path and the profile of a user with three workouts, beside the heavy user's.
  const light = await createUser(dataSource);
  const lightToken = await login(base, light.email);
  return { token, username: user.username, lightToken };
}

async function uploadMedianMs(base: string, token: string, body: ReturnType<typeof multipartBody>) {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const { status } = await upload(new URL(`${base}/api/workouts`), token, body);
    if (status !== 201) throw new Error(`upload: HTTP ${status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

async function runMode(
  mode: string,
  workers: number,
  bare: BareServer,
  gpx: ReturnType<typeof multipartBody>,
  rows: Row[],
  uploads: string[],
): Promise<void> {
  const env = {
    WEB_CONCURRENCY: String(workers),
    // No tile server: the map is drawn track-only.
    TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
  };
  await withServerProcess(env, async ({ dataSource, base }) => {
    const { token, username, lightToken } = await seed(base, dataSource);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const lightAuth = { headers: { Authorization: `Bearer ${lightToken}` } };
    const routes: [string, string, object][] = [
      ['GET /api/ping', '/api/ping', {}],
      ['GET /api/auth/profile (no workouts)', '/api/auth/profile', lightAuth],
      ['GET /api/auth/profile (10,000 workouts)', '/api/auth/profile', auth],
      ['GET /api/sports', '/api/sports', auth],
      ['GET /api/workouts?per_page=10', '/api/workouts?per_page=10', auth],
      ['GET /api/stats/<user>/by_time?time=year', `/api/stats/${username}/by_time?time=year`, auth],
    ];
    for (const [route, path, options] of routes) {
      await autocannon({ url: base + path, connections: CONNECTIONS, amount: 500, ...options });
      const reference = await measure(`${bare.base}/api/ping`);
      const measured = await measure(base + path, options);
      rows.push({ mode, route, ...measured, bareRps: reference.rps });
      console.log(`${mode.padEnd(16)} ${route.padEnd(42)} ${measured.rps.toFixed(0)} req/s`);
    }
    const median = await uploadMedianMs(base, token, gpx);
    const concurrent = await measure(`${base}/api/workouts`, {
      method: 'POST',
      body: gpx.body,
      headers: { ...auth.headers, 'Content-Type': gpx.contentType },
    });
    uploads.push(
      `| ${mode} | ${median.toFixed(0)} ms | ${concurrent.rps.toFixed(1)} | ${concurrent.p99} ms |`,
    );
  });
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  console.log(
    `Pacekeeper bench: ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}), load average ` +
      `${loadavg()[0]?.toFixed(1)} at start, ${CONNECTIONS} connections, ${DURATION} s per measure`,
  );
  const gpx = multipartBody(syntheticGpx({ points: POINTS }), 'bench.gpx');
  const bare = await startBareServer();
  const rows: Row[] = [];
  const uploads: string[] = [];
  try {
    await runMode('1 process', 1, bare, gpx, rows, uploads);
    await runMode(`cluster of ${cores}`, cores, bare, gpx, rows, uploads);
  } finally {
    await bare.stop();
  }
  console.log(`\n${cores} cores, load average ${loadavg()[0]?.toFixed(1)} at the end\n`);
  console.log('| mode | route | req/s | p99 | bare Nest ping req/s | ratio to bare |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const row of rows)
    console.log(
      `| ${row.mode} | \`${row.route}\` | ${row.rps.toFixed(0)} | ${row.p99} ms | ` +
        `${row.bareRps.toFixed(0)} | ${(row.rps / row.bareRps).toFixed(2)} |`,
    );
  console.log(
    `\n| mode | upload of ${POINTS} points, median of 5 | uploads/s at 16 connections | p99 |`,
  );
  console.log('|---|---:|---:|---:|');
  for (const line of uploads) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
