import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildDataSourceOptions } from 'src/database/data-source.options';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { ChildServer } from 'test/helpers/child-server';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { TcpProxy } from 'test/helpers/tcp-proxy';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { ADMIN_URL, databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';
import { DataSource } from 'typeorm';

const UPLOADS = 8;
/** The server is killed the moment PostgreSQL acknowledges this many plus one upload commits. */
const COMMITS_BEFORE_KILL = 2;

interface Row {
  gpx: string;
  map: string;
}

/** Files (not folders) under `dir`, relative. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
}

// The server process needs PostgreSQL: the embedded database lives inside one process only.
(isEmbeddedRun() ? describe.skip : describe)('kill -9 during uploads, then a restart', () => {
  let name: string;
  let dataSource: DataSource;
  let proxy: TcpProxy;
  let dataDir: string;
  let server: ChildServer | undefined;

  const uploadFolder = (): string => join(dataDir, 'uploads');
  const env = (databaseUrlForServer: string): Record<string, string> => ({
    DATABASE_URL: databaseUrlForServer,
    DATA_DIR: dataDir,
    APP_SECRET_KEY: 'crash-test-secret-key-long-enough',
    BCRYPT_LOG_ROUNDS: '4',
    TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
  });

  beforeAll(async () => {
    name = await cloneTemplate();
    dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name) }));
    await dataSource.initialize();
    proxy = await TcpProxy.start(new URL(ADMIN_URL));
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-crash-'));
  });
  afterAll(async () => {
    await server?.stop();
    await proxy.close();
    await dataSource.destroy();
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every committed workout has its files before the restarted server answers; nothing is left over', async () => {
    // Through the proxy, which kills the server right after PostgreSQL committed a workout,
    // before the server hears of it: the rows exist, their files are still temp files.
    const first = await ChildServer.start(env(proxy.route(databaseUrl(name))));
    server = first;
    const user = await createUser(dataSource);
    const login = await request(first.base)
      .post('/api/auth/login')
      .send({ email: user.email, password: DEFAULT_PASSWORD })
      .expect(200);
    const token = login.body.auth_token as string;
    const killed = proxy.loseNextCommitAnswer(
      () => {
        first.kill();
      },
      // Upload transactions only: a background job's COMMIT must not be the one lost.
      { after: COMMITS_BEFORE_KILL, ofTransactionsSending: 'INSERT INTO workouts ' },
    );
    const uploads = Array.from({ length: UPLOADS }, (_, i) =>
      request(first.base)
        .post('/api/workouts')
        .set(bearer(token))
        .field('data', '{"sport_id": 1}')
        .attach(
          'file',
          syntheticGpx({ points: 300, seed: i, start: new Date(Date.UTC(2024, 0, 1 + i, 6)) }),
          `run-${i}.gpx`,
        )
        .then((res) => res.status),
    );
    await killed;
    await first.exited();
    await Promise.allSettled(uploads);

    const rows = await dataSource.query<Row[]>('SELECT gpx, map FROM workouts ORDER BY id');
    expect(rows.length).toBeGreaterThan(COMMITS_BEFORE_KILL);
    const stranded = rows.filter((row) => !existsSync(join(uploadFolder(), row.gpx)));
    expect(stranded.length).toBeGreaterThan(0);
    const tempFiles = filesUnder(join(uploadFolder(), '.tmp'));
    for (const row of stranded)
      expect(tempFiles.some((file) => file.includes(row.gpx.replace(/\//g, '~')))).toBe(true);

    // Restart on the same database and folder; `start` returns once it listens.
    server = await ChildServer.start(env(databaseUrl(name)));
    for (const row of rows) {
      expect(existsSync(join(uploadFolder(), row.gpx))).toBe(true);
      expect(existsSync(join(uploadFolder(), row.map))).toBe(true);
    }
    expect(filesUnder(join(uploadFolder(), '.tmp'))).toEqual([]);
    const referenced = rows.flatMap((row) => [row.gpx, row.map]).sort();
    expect(filesUnder(uploadFolder()).sort()).toEqual(referenced);

    const list = await request(server.base)
      .get('/api/workouts?per_page=50')
      .set(bearer(token))
      .expect(200);
    const workouts = list.body.data.workouts as { id: string; map: string }[];
    expect(workouts).toHaveLength(rows.length);
    for (const workout of workouts) {
      const base = `/api/workouts/${workout.id}`;
      for (const path of ['gpx', 'gpx/segment/1', 'chart_data', 'gpx/download'])
        await request(server.base).get(`${base}/${path}`).set(bearer(token)).expect(200);
      await request(server.base).get(`/api/workouts/map/${workout.map}`).expect(200);
    }
    // Two server starts, and a first transpilation of the sources on a fresh checkout.
  }, 180_000);
});
