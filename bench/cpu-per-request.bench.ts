/**
 * `npm run bench:cpu`: CPU time per request of the server and of PostgreSQL on the hot routes,
 * read from /proc around a wrk run. Throughput swings with whatever else the machine runs; CPU
 * per request hardly does, so two versions compare on this figure.
 *
 *   BENCH_ROUTES=ping,profile,sports (default: all but the optional ones)   BENCH_WORKERS=1
 *   BENCH_DURATION=6
 *   Optional routes, run only when named: profile-oauth2 and profile-pat (the profile with an
 *   OAuth2 access token and with a personal access token).
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (to profile the server)
 */
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import type { DataSource } from 'typeorm';

import { benchGroups } from './load/process-cpu';
import { assertWrk, type LoadResult, wrk } from './load/wrk';
import { withServerProcess } from './server-process';
import { CONNECTIONS } from './throughput-routes';
import { seed } from './throughput-seed';

const SECONDS = Number(process.env['BENCH_DURATION'] ?? 6);

const OPTIONAL_ROUTES = ['profile-oauth2', 'profile-pat'];

/** An OAuth2 access token of the user, stored as the token endpoint stores one (digests). */
async function oauth2Token(dataSource: DataSource, userId: number): Promise<string> {
  const [client] = await dataSource.query<{ id: number }[]>(
    `INSERT INTO "oauth2_clients" ("client_id", "client_secret_hash", "issued_at", "user_id",
       "name", "website", "redirect_uris", "scope")
     VALUES ($1, $2, now(), $3, 'bench', 'https://bench.example', $4, 'profile:read')
     RETURNING "id"`,
    [
      randomAlphanumeric(24),
      hashSecret(randomAlphanumeric(48)),
      userId,
      ['https://bench.example/cb'],
    ],
  );
  const token = randomAlphanumeric(42);
  await dataSource.query(
    `INSERT INTO "oauth2_tokens" ("client_id", "user_id", "access_token_hash", "refresh_token_hash",
       "scope", "issued_at", "expires_in", "family_id")
     VALUES ($1, $2, $3, $4, 'profile:read', now() AT TIME ZONE 'utc', 0, gen_random_uuid())`,
    [client?.id, userId, hashSecret(token), hashSecret(randomAlphanumeric(48))],
  );
  await dataSource.query(
    `INSERT INTO "oauth2_grants" ("user_id", "client_id", "scopes", "first_authorized_at")
     VALUES ($1, $2, ARRAY['profile:read'], now() AT TIME ZONE 'utc')`,
    [userId, client?.id],
  );
  return token;
}

/** A personal access token of the user, from `POST /api/auth/tokens`. */
async function personalToken(base: string, firstParty: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${firstParty}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'bench', scope: 'profile:read', expires_in_days: null }),
  });
  const body = (await response.json()) as { data: { token: { access_token: string } } };
  return body.data.token.access_token;
}

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
    // The data of `npm run bench`: a user with 10,000 workouts, and one without any.
    const { token, username, lightToken, lightUserId } = await seed(base, dataSource);
    const auth = { Authorization: `Bearer ${token}` };
    const lightAuth = { Authorization: `Bearer ${lightToken}` };
    const oauth2Auth = { Authorization: `Bearer ${await oauth2Token(dataSource, lightUserId)}` };
    const patAuth = { Authorization: `Bearer ${await personalToken(base, lightToken)}` };
    const routes: Record<string, [string, Record<string, string>]> = {
      ping: ['/api/ping', {}],
      profile0: ['/api/auth/profile', lightAuth],
      profile: ['/api/auth/profile', auth],
      'profile-oauth2': ['/api/auth/profile', oauth2Auth],
      'profile-pat': ['/api/auth/profile', patAuth],
      sports: ['/api/sports', auth],
      list: ['/api/workouts?per_page=10', auth],
      stats: [`/api/stats/${username}/by_time?time=year`, auth],
      records: ['/api/records', auth],
    };
    console.log(`${workers} worker(s), ${CONNECTIONS} connections, ${SECONDS} s per route`);
    for (const [name, [path, headers]] of Object.entries(routes)) {
      if (wanted === undefined ? OPTIONAL_ROUTES.includes(name) : !wanted.includes(name)) continue;
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
