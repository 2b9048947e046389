/**
 * `npm run bench:cpu`: CPU time per request of the server and of PostgreSQL on the hot routes,
 * read from /proc around a wrk run. Throughput swings with whatever else the machine runs; CPU
 * per request hardly does, so two versions compare on this figure.
 *
 *   BENCH_ROUTES=ping,profile,sports (default: all)   BENCH_WORKERS=1   BENCH_DURATION=6
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (to profile the server)
 */
import { createUser } from 'test/helpers/factories';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';

import { benchGroups } from './load/process-cpu';
import { assertWrk, type LoadResult, wrk } from './load/wrk';
import { withServerProcess } from './server-process';
import { login } from './upload-client';

const CONNECTIONS = 16;
const SECONDS = Number(process.env['BENCH_DURATION'] ?? 6);
const WORKOUTS = 10_000;

function line(route: string, result: LoadResult): string {
  const cpu = (key: string): string => String(result.cpu[key] ?? 0).padStart(6);
  return (
    `${route.padEnd(16)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ` +
    `${result.p99.toFixed(1).padStart(6)} ms  server ${cpu('server')} µs  postgres ${cpu('postgres')} µs`
  );
}

async function main(): Promise<void> {
  assertWrk();
  const workers = process.env['BENCH_WORKERS'] ?? '1';
  const wanted = process.env['BENCH_ROUTES']?.split(',');
  const env = { WEB_CONCURRENCY: workers, TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' };
  await withServerProcess(env, async ({ dataSource, base, main, databaseName }) => {
    const groups = benchGroups(main, databaseName);
    const heavy = await createUser(dataSource);
    await insertWorkoutsInBulk(dataSource, heavy.id, WORKOUTS, { sports: 3 });
    await dataSource.query('VACUUM ANALYZE workouts, workout_stats');
    const light = await createUser(dataSource);
    const auth = { Authorization: `Bearer ${await login(base, heavy.email)}` };
    const lightAuth = { Authorization: `Bearer ${await login(base, light.email)}` };
    const routes: Record<string, [string, Record<string, string>]> = {
      ping: ['/api/ping', {}],
      profile0: ['/api/auth/profile', lightAuth],
      profile: ['/api/auth/profile', auth],
      sports: ['/api/sports', auth],
      list: ['/api/workouts?per_page=10', auth],
      stats: [`/api/stats/${heavy.username}/by_time?time=year`, auth],
      records: ['/api/records', auth],
    };
    console.log(`${workers} worker(s), ${CONNECTIONS} connections, ${SECONDS} s per route`);
    for (const [name, [path, headers]] of Object.entries(routes)) {
      if (wanted !== undefined && !wanted.includes(name)) continue;
      wrk(base + path, { connections: CONNECTIONS, seconds: 1, headers, groups });
      console.log(
        line(
          name,
          wrk(base + path, { connections: CONNECTIONS, seconds: SECONDS, headers, groups }),
        ),
      );
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
