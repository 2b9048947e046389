import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildDataSourceOptions } from 'src/database/data-source.options';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { ChildServer } from 'test/helpers/child-server';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { LocalS3 } from 'test/helpers/local-s3';
import { BACKEND_HEADER, RoundRobinProxy } from 'test/helpers/round-robin-proxy';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { buildMultipart } from 'test/helpers/uploads';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';
import { DataSource } from 'typeorm';

const INSTANCES = 3;
const PREFIX = 'cluster/';

const gpx = (day: number): Buffer =>
  syntheticGpx({ points: 200, seed: day, start: new Date(Date.UTC(2024, 2, day, 7)) });

/** Which instance answered through the proxy. */
const backendOf = (res: request.Response): number => Number(res.headers[BACKEND_HEADER]);

/**
 * docs/scaling.md: three real server processes on one PostgreSQL database, one Redis and one
 * S3-compatible store, behind a round-robin proxy; no instance keeps state another needs.
 */
(isEmbeddedRun() ? describe.skip : describe)('several instances behind a round-robin proxy', () => {
  let name: string;
  let dataSource: DataSource;
  let s3: LocalS3;
  let redisPrefix: string;
  let dataDirs: string[];
  let servers: ChildServer[];
  let proxy: RoundRobinProxy;

  const via = (): string => proxy.base;
  const login = async (email: string): Promise<string> => {
    const res = await request(via())
      .post('/api/auth/login')
      .send({ email, password: DEFAULT_PASSWORD })
      .expect(200);
    return res.body.auth_token as string;
  };

  beforeAll(async () => {
    name = await cloneTemplate();
    dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name) }));
    await dataSource.initialize();
    s3 = await LocalS3.create();
    redisPrefix = randomRedisPrefix();
    dataDirs = Array.from({ length: INSTANCES }, () =>
      mkdtempSync(join(tmpdir(), 'pacekeeper-instance-')),
    );
    servers = await Promise.all(
      dataDirs.map((dataDir) =>
        ChildServer.start({
          DATABASE_URL: databaseUrl(name),
          // Each instance has a data folder of its own: only the bucket is shared.
          DATA_DIR: dataDir,
          APP_SECRET_KEY: 'multi-instance-secret-key-long-enough',
          BCRYPT_LOG_ROUNDS: '4',
          TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
          REDIS_URL: TEST_REDIS_URL,
          REDIS_KEY_PREFIX: redisPrefix,
          TRUST_PROXY: 'loopback',
          CREDENTIAL_LIMITS_PER_ACCOUNT: '3 per 15 minutes',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...s3.env(PREFIX),
        }),
      ),
    );
    proxy = await RoundRobinProxy.start(servers.map((server) => server.base));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await proxy.close();
    await s3.close();
    await cleanupRedis(redisPrefix);
    await dataSource.destroy();
    await withAdminClient((client) => dropDatabase(client, name));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('an upload through one instance is read, downloaded and mapped through the others', async () => {
    const user = await createUser(dataSource);
    const token = await login(user.email);
    const upload = await request(via())
      .post('/api/workouts')
      .set(bearer(token))
      .field('data', '{"sport_id": 1}')
      .attach('file', gpx(1), 'ride.gpx')
      .expect(201);
    const [workout] = upload.body.data.workouts as { id: string; map: string }[];
    if (workout === undefined) throw new Error('no workout');
    const readers = new Set<number>();
    for (let i = 0; i < INSTANCES; i++) {
      const read = await request(via())
        .get(`/api/workouts/${workout.id}/gpx`)
        .set(bearer(token))
        .expect(200);
      const download = await request(via())
        .get(`/api/workouts/${workout.id}/gpx/download`)
        .set(bearer(token))
        .expect(200);
      const map = await request(via()).get(`/api/workouts/map/${workout.map}`).expect(200);
      expect(map.headers['content-type']).toBe('image/png');
      expect(read.body.data.gpx).toBe(gpx(1).toString('utf8'));
      for (const res of [read, download, map]) readers.add(backendOf(res));
    }
    expect(readers.size).toBe(INSTANCES);
    expect(readers.has(backendOf(upload))).toBe(true);
  });

  it('login failures are counted across instances', async () => {
    const user = await createUser(dataSource);
    const attempt = () =>
      request(via()).post('/api/auth/login').send({ email: user.email, password: 'wrong-one' });
    const failures = [await attempt(), await attempt(), await attempt()];
    expect(failures.map((res) => res.status)).toEqual([401, 401, 401]);
    // Each instance saw one failure only: the limit of 3 holds because the count is shared.
    expect(new Set(failures.map(backendOf)).size).toBe(INSTANCES);
    const blocked = await request(via())
      .post('/api/auth/login')
      .send({ email: user.email, password: DEFAULT_PASSWORD });
    expect(blocked.status).toBe(429);
  });

  it('each background job runs once: one export archive, whichever instance takes it', async () => {
    const user = await createUser(dataSource);
    const token = await login(user.email);
    await request(via()).post('/api/auth/account/export/request').set(bearer(token)).expect(200);
    let status = '';
    for (let i = 0; i < 100 && status !== 'successful'; i++) {
      const res = await request(via()).get('/api/auth/account/export').set(bearer(token));
      status = (res.body.request as { status: string }).status;
      if (status !== 'successful') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe('successful');
    // A second run would have written a second archive (its name is random).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await s3.keys(`${PREFIX}exports/${user.id}/`)).toHaveLength(1);
  });

  it("an admin's config change is seen by every instance at once", async () => {
    const admin = await createUser(dataSource, { admin: true });
    const token = await login(admin.email);
    const patched = await request(via())
      .patch('/api/config')
      .set(bearer(token))
      .send({ max_users: 42, about: 'changed through one instance' })
      .expect(200);
    expect(patched.body.data.max_users).toBe(42);
    const seen = await Promise.all(
      servers.map((server) => request(server.base).get('/api/config').expect(200)),
    );
    const configs = seen.map((res) => res.body.data as { max_users: number; about: string });
    expect(configs.map((config) => [config.max_users, config.about])).toEqual(
      servers.map(() => [42, 'changed through one instance']),
    );
  });

  it('SIGTERM during an in-flight upload: the upload completes, the others take over', async () => {
    const user = await createUser(dataSource);
    const token = await login(user.email);
    const leaving = servers[INSTANCES - 1];
    if (leaving === undefined) throw new Error('no server');
    const { body, contentType } = buildMultipart([
      { name: 'data', value: '{"sport_id": 1}' },
      { name: 'file', value: gpx(2), fileName: 'late.gpx' },
    ]);
    const half = Math.floor(body.length / 2);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${leaving.base}/api/workouts`, {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': contentType,
          'Content-Length': String(body.length),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      req.on('error', reject);
      // Connected, half the body, the signal, then the rest: the instance is shutting down
      // with the upload half received.
      req.on('socket', (socket) => {
        socket.once('connect', () => {
          req.write(body.subarray(0, half));
          setTimeout(() => {
            leaving.terminate();
            setTimeout(() => req.end(body.subarray(half)), 300);
          }, 500);
        });
      });
    });
    const { status, text } = await answer;
    expect(status).toBe(201);
    await leaving.exited();
    const [workout] = (JSON.parse(text) as { data: { workouts: { id: string }[] } }).data.workouts;
    if (workout === undefined) throw new Error('no workout');
    // The proxy skips the stopped instance; the survivors serve the file it stored.
    for (let i = 0; i < INSTANCES; i++) {
      const res = await request(via())
        .get(`/api/workouts/${workout.id}/gpx/download`)
        .set(bearer(token))
        .expect(200);
      expect(backendOf(res)).not.toBe(INSTANCES - 1);
    }
    const rows = await dataSource.query<{ gpx: string; map: string }[]>(
      `SELECT gpx, map FROM workouts WHERE user_id = $1`,
      [user.id],
    );
    expect(await s3.keys(`${PREFIX}workouts/${user.id}/`)).toEqual(
      rows.flatMap((row) => [`${PREFIX}${row.gpx}`, `${PREFIX}${row.map}`]).sort(),
    );
  });
});
