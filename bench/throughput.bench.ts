/**
 * `npm run bench`: requests per second, p99 and CPU time per request (server, PostgreSQL, wrk) at
 * 16 connections of the hot GET routes, each as a ratio to a bare Nest app (one controller,
 * express adapter) started by this run on the same machine and measured right before and
 * after it. Pacekeeper runs as `npm start` runs it (dist/main.js on PostgreSQL), as one
 * process, then as a cluster of one worker per core. One user owns 10,000 workouts (the
 * profile is also measured for a user without any); the upload is a 100,000-point GPX.
 *
 * The load comes from wrk: a Node load generator eats most of a core at a few thousand
 * requests per second, and on a small machine a cluster then cannot show its scaling.
 *
 *   BENCH_DURATION=5 (seconds per measurement)   BENCH_UPLOADS_PER_CONNECTION=2
 */
import { availableParallelism, cpus, loadavg } from 'node:os';

import { syntheticGpx } from 'test/helpers/synthetic-gpx';

import { type BareServer, startBareServer } from './bare/bare-server';
import { benchGroups } from './load/process-cpu';
import { assertWrk } from './load/wrk';
import { withServerProcess } from './server-process';
import { report, type Results } from './throughput-report';
import { measureRoutes, type Route, type RouteRow } from './throughput-routes';
import { seed, type Seeded } from './throughput-seed';
import { measureUploads } from './throughput-uploads';
import { multipartBody } from './upload-client';

const DURATION = Number(process.env['BENCH_DURATION'] ?? 5);
const POINTS = 100_000;

function routes({ token, lightToken, username }: Seeded): Route[] {
  const auth = { Authorization: `Bearer ${token}` };
  const lightAuth = { Authorization: `Bearer ${lightToken}` };
  return [
    { key: 'ping', name: 'GET /api/ping', path: '/api/ping', headers: {} },
    {
      key: 'profile0',
      name: 'GET /api/auth/profile (no workouts)',
      path: '/api/auth/profile',
      headers: lightAuth,
    },
    {
      key: 'profile',
      name: 'GET /api/auth/profile (10,000 workouts)',
      path: '/api/auth/profile',
      headers: auth,
    },
    { key: 'sports', name: 'GET /api/sports', path: '/api/sports', headers: auth },
    {
      key: 'list',
      name: 'GET /api/workouts?per_page=10',
      path: '/api/workouts?per_page=10',
      headers: auth,
    },
    {
      key: 'stats',
      name: 'GET /api/stats/<user>/by_time?time=year',
      path: `/api/stats/${username}/by_time?time=year`,
      headers: auth,
    },
  ];
}

function printRow(row: RouteRow): void {
  const cpu = (group: string): string => String(row.result.cpu[group] ?? '–').padStart(6);
  console.log(
    `${row.mode.padEnd(12)} ${row.route.padEnd(42)} ${row.result.rps.toFixed(0).padStart(6)} req/s` +
      `  p99 ${row.result.p99.toFixed(1).padStart(6)} ms  ${(row.result.rps / row.bareRps).toFixed(2)}× bare` +
      `  server ${cpu('server')} µs  postgres ${cpu('postgres')} µs  wrk ${cpu('load')} µs` +
      `  bare moved ${(row.bareDrift * 100).toFixed(0)} %`,
  );
}

async function runMode(
  mode: string,
  workers: number,
  bare: BareServer,
  gpx: ReturnType<typeof multipartBody>,
  results: Results,
): Promise<RouteRow[]> {
  const env = {
    WEB_CONCURRENCY: String(workers),
    // No tile server: the map is drawn track-only.
    TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
  };
  return withServerProcess(env, async ({ dataSource, base, main, databaseName }) => {
    const seeded = await seed(base, dataSource);
    const groups = benchGroups(main, databaseName);
    const rows = measureRoutes({
      mode,
      base,
      bareBase: bare.base,
      routes: routes(seeded),
      seconds: DURATION,
      groups,
      bareResults: results.bare,
      onRow: printRow,
    });
    const uploads = await measureUploads({ mode, base, token: seeded.token, body: gpx, groups });
    console.log(
      `${mode.padEnd(12)} upload: median ${uploads.singleMedianMs.toFixed(0)} ms, ` +
        `${uploads.concurrentRps.toFixed(1)} uploads/s at 16 connections`,
    );
    results.uploads.push(uploads);
    return rows;
  });
}

async function main(): Promise<void> {
  assertWrk();
  const cores = availableParallelism();
  const cpuModel = cpus()[0]?.model ?? 'unknown cpu';
  const load = (): string =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ');
  const loadAtStart = load();
  console.log(
    `Pacekeeper bench: ${cores} cores (${cpuModel}), load average ${loadAtStart}, ` +
      `wrk, 16 connections, ${DURATION} s per measurement`,
  );
  const gpx = multipartBody(syntheticGpx({ points: POINTS }), 'bench.gpx');
  const bare = await startBareServer();
  const results: Results = { single: [], cluster: [], bare: [], uploads: [] };
  try {
    results.single = await runMode('1 process', 1, bare, gpx, results);
    results.cluster = await runMode(`cluster of ${cores}`, cores, bare, gpx, results);
  } finally {
    await bare.stop();
  }
  const machine = { cores, cpuModel, loadAtStart, loadAtEnd: load(), seconds: DURATION };
  console.log(`\n${report(results, machine, POINTS)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
