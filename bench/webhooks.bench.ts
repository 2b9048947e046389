/**
 * Webhooks benchmark (docs/webhooks.md): what the transactional outbox adds to a workout write,
 * and how many deliveries per second the dispatcher makes to one local receiver.
 * - latency: median of `POST /api/workouts/no_gpx` for a user whose changes go to a subscribed
 *   application, against a user nobody subscribed to (requests interleaved, so both users
 *   grow alike), and the median time of the outbox INSERT itself inside a transaction;
 * - throughput: events written in bulk, delivered to one subscription (one at a time, in
 *   order) and to four subscriptions.
 * Standalone, on a scratch database of the local PostgreSQL:
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/webhooks.bench.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import { recordWorkoutEvent } from 'src/webhooks/outbox/record-workout-event';
import { createUser } from 'test/helpers/factories';
import { insertWorkoutsInBulk } from 'test/helpers/workouts-seed';
import type { DataSource } from 'typeorm';

import { withScratchServer } from './scratch-server';

const WRITES = 300;
const EVENTS = 2000;
const TARGET_ADDED_MS = 2;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function receiver(): Promise<{ server: Server; url: string; count: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') received += 1;
      const challenge = new URL(req.url ?? '/', 'http://x').searchParams.get('hub.challenge');
      res.end(JSON.stringify({ 'hub.challenge': challenge }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { server, url, count: () => received };
}

/** A client of `ownerId` with `subscriptions` webhooks to `url`, and `userId` authorizing it. */
async function subscribe(
  dataSource: DataSource,
  ownerId: number,
  userId: number,
  url: string,
  subscriptions: number,
): Promise<void> {
  const [client] = await dataSource.query<{ id: number }[]>(
    `INSERT INTO oauth2_clients (client_id, client_secret_hash, issued_at, user_id, name, website,
       redirect_uris, scope)
     VALUES ($1, $2, now(), $3, 'bench', 'https://bench.example', '{https://bench.example/cb}',
       'workouts:read') RETURNING id`,
    [randomBytes(12).toString('hex'), hashSecret('x'), ownerId],
  );
  for (let i = 0; i < subscriptions; i += 1)
    await dataSource.query(
      `INSERT INTO webhook_subscriptions (uuid, client_id, callback_url, events, secret_seed)
       VALUES ($1, $2, $3, '{workout.created,workout.updated,workout.deleted}', repeat('a', 64))`,
      [randomUUID(), client?.id, url],
    );
  await dataSource.query(
    `INSERT INTO oauth2_tokens (client_id, user_id, access_token_hash, refresh_token_hash, scope,
       issued_at, expires_in, family_id)
     VALUES ($1, $2, $3, $4, 'workouts:read', now() AT TIME ZONE 'utc', 0, $5)`,
    [client?.id, userId, hashSecret(randomUUID()), hashSecret(randomUUID()), randomUUID()],
  );
}

async function timedPost(base: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}/api/workouts/no_gpx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      sport_id: 1,
      duration: 3600,
      distance: 10,
      workout_date: '2024-01-01 10:00',
    }),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`POST /api/workouts/no_gpx answered ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('deliveries did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function throughput(
  dataSource: DataSource,
  url: string,
  count: () => number,
  subscriptions: number,
): Promise<number> {
  const owner = await createUser(dataSource);
  const user = await createUser(dataSource);
  await insertWorkoutsInBulk(dataSource, user.id, EVENTS / subscriptions, { sports: 1 });
  await subscribe(dataSource, owner.id, user.id, url, subscriptions);
  const before = count();
  const started = Date.now();
  await dataSource.query(
    `INSERT INTO webhook_events (type, user_id, username, workout_uuid)
     SELECT 'workout.created', w.user_id, 'bench', w.uuid FROM workouts w WHERE w.user_id = $1`,
    [user.id],
  );
  await waitUntil(() => count() - before >= EVENTS, 120_000);
  return (EVENTS / (Date.now() - started)) * 1000;
}

async function main(): Promise<void> {
  const target = await receiver();
  const env = {
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1',
    WEBHOOKS_POLL_INTERVAL_MS: '20',
    API_RATE_LIMITS: '1000000 per minute',
  };
  try {
    await withScratchServer(env, async ({ app, dataSource, base }) => {
      const tokens = app.get(AuthTokensService);
      const owner = await createUser(dataSource);
      const plain = await createUser(dataSource);
      const subscribed = await createUser(dataSource);
      await subscribe(dataSource, owner.id, subscribed.id, target.url, 1);
      const plainToken = tokens.issueAuthToken(plain.id);
      const subscribedToken = tokens.issueAuthToken(subscribed.id);
      for (let i = 0; i < 30; i += 1) {
        await timedPost(base, plainToken);
        await timedPost(base, subscribedToken);
      }
      const without: number[] = [];
      const withSubscription: number[] = [];
      for (let i = 0; i < WRITES; i += 1) {
        without.push(await timedPost(base, plainToken));
        withSubscription.push(await timedPost(base, subscribedToken));
      }
      const outboxInsert: number[] = [];
      const [workout] = await dataSource.query<{ id: number }[]>(
        `SELECT id FROM workouts WHERE user_id = $1 LIMIT 1`,
        [subscribed.id],
      );
      for (let i = 0; i < WRITES; i += 1) {
        const runner = dataSource.createQueryRunner();
        await runner.startTransaction();
        const started = process.hrtime.bigint();
        await recordWorkoutEvent(runner.manager, 'workout.updated', workout?.id ?? 0, ['title']);
        outboxInsert.push(Number(process.hrtime.bigint() - started) / 1e6);
        await runner.rollbackTransaction();
        await runner.release();
      }
      await waitUntil(() => target.count() >= WRITES + 30, 30_000);
      const one = await throughput(dataSource, target.url, target.count, 1);
      const four = await throughput(dataSource, target.url, target.count, 4);
      const latency = {
        withoutSubscriptionMedianMs: median(without),
        withSubscriptionMedianMs: median(withSubscription),
        addedMedianMs: median(withSubscription) - median(without),
        outboxInsertMedianMs: median(outboxInsert),
        targetMs: TARGET_ADDED_MS,
      };
      console.log('\nPOST /api/workouts/no_gpx, one connection, %d requests per user', WRITES);
      console.table([
        { case: 'user nobody subscribed to', medianMs: latency.withoutSubscriptionMedianMs },
        { case: 'user of a subscribed app', medianMs: latency.withSubscriptionMedianMs },
        { case: 'added', medianMs: latency.addedMedianMs },
        { case: 'outbox INSERT alone', medianMs: latency.outboxInsertMedianMs },
      ]);
      console.log(
        `added median ${latency.addedMedianMs.toFixed(3)} ms, outbox insert ${latency.outboxInsertMedianMs.toFixed(3)} ms: ${
          Math.max(latency.addedMedianMs, latency.outboxInsertMedianMs) < TARGET_ADDED_MS
            ? 'under'
            : 'OVER'
        } the ${TARGET_ADDED_MS} ms target`,
      );
      console.log('\ndelivery throughput, %d events to a loopback receiver', EVENTS);
      console.table([
        { subscriptions: 1, deliveriesPerSecond: Math.round(one) },
        { subscriptions: 4, deliveriesPerSecond: Math.round(four) },
      ]);
      console.log(JSON.stringify({ latency, throughput: { one, four } }));
    });
  } finally {
    await new Promise((resolve) => target.server.close(resolve));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
