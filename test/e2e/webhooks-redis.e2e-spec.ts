import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildDataSourceOptions } from 'src/database/data-source.options';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { ChildServer } from 'test/helpers/child-server';
import { WebhookReceiver } from 'test/helpers/webhook-receiver';
import { createWorkout, subscribedWorld, WEBHOOK_SERVER_ENV } from 'test/helpers/webhook-servers';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';
import { DataSource } from 'typeorm';

const CHANGES = 40;
const USERS = 4;

(isEmbeddedRun() ? describe.skip : describe)('webhooks on BullMQ with two server processes', () => {
  let name: string;
  let dataSource: DataSource;
  let receiver: WebhookReceiver;
  const dataDirs: string[] = [];
  const servers: ChildServer[] = [];
  const prefix = randomRedisPrefix();

  const start = async (): Promise<ChildServer> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-webhook-redis-'));
    dataDirs.push(dataDir);
    const server = await ChildServer.start({
      ...WEBHOOK_SERVER_ENV,
      DATABASE_URL: databaseUrl(name),
      DATA_DIR: dataDir,
      APP_SECRET_KEY: 'webhook-redis-test-secret-key',
      BCRYPT_LOG_ROUNDS: '4',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    name = await cloneTemplate();
    dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name) }));
    await dataSource.initialize();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await receiver.close();
    await dataSource.destroy();
    await withAdminClient((client) => dropDatabase(client, name));
    await cleanupRedis(prefix);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('each event is delivered once, whichever instance took the change', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    const tokens = await subscribedWorld(one.base, dataSource, receiver, USERS);
    const statuses = await Promise.all(
      Array.from({ length: CHANGES }, (_, i) =>
        createWorkout((i % 2 === 0 ? one : two).base, tokens[i % USERS] ?? '', 1 + (i % 28)),
      ),
    );
    expect(statuses.every((status) => status === 201)).toBe(true);
    await receiver.waitFor(() => receiver.received.length >= CHANGES, 20_000);
    // Time for a duplicate to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const counts = new Map<string, number>();
    for (const d of receiver.received)
      counts.set(d.deliveryId, (counts.get(d.deliveryId) ?? 0) + 1);
    expect(counts.size).toBe(CHANGES);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const workouts = new Set(
      receiver.received.map((d) => (d.body['workout'] as { id: string }).id),
    );
    expect(workouts.size).toBe(CHANGES);
    const pending = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM webhook_deliveries WHERE status <> 'delivered'`,
    );
    expect(pending[0]?.count).toBe(0);
  }, 90_000);
});
