import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PNG } from 'pngjs';
import { buildDataSourceOptions } from 'src/database/data-source.options';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { ChildServer } from 'test/helpers/child-server';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';
import { DataSource } from 'typeorm';

/** The upload folder's file system: far smaller than one of the files sent below. */
const TMPFS_SIZE = '64k';

/**
 * Runs the server in a mount namespace of its own (`unshare`, as an unprivileged user too) whose
 * upload folder is a tiny tmpfs: every write past 64 KB fails with ENOSPC, as on a full disk.
 */
const onTinyDisk =
  (uploadFolder: string) =>
  (argv: readonly string[]): readonly string[] => [
    'unshare',
    '--map-root-user',
    '--mount',
    'sh',
    '-c',
    `mount -t tmpfs -o size=${TMPFS_SIZE} tmpfs '${uploadFolder}' && exec "$@"`,
    'sh',
    ...argv,
  ];

/** An incompressible PNG of about 160 KB, a valid picture. */
function noisePng(): Buffer {
  const png = new PNG({ width: 200, height: 200 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = Math.floor(Math.random() * 256);
  return PNG.sync.write(png);
}

// A real server process on PostgreSQL, with its own mount namespace.
(isEmbeddedRun() ? describe.skip : describe)('a full disk', () => {
  let name: string;
  let dataSource: DataSource;
  let dataDir: string;
  let server: ChildServer;
  let token: string;

  beforeAll(async () => {
    // Without user namespaces, there is no way to fill a disk here: fail loudly, never skip.
    execFileSync('unshare', ['--map-root-user', '--mount', 'true']);
    name = await cloneTemplate();
    dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name) }));
    await dataSource.initialize();
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-full-disk-'));
    const uploadFolder = join(dataDir, 'uploads');
    execFileSync('mkdir', ['-p', uploadFolder]);
    server = await ChildServer.start(
      {
        DATABASE_URL: databaseUrl(name),
        DATA_DIR: dataDir,
        UPLOAD_FOLDER: uploadFolder,
        APP_SECRET_KEY: 'full-disk-test-secret-key-long-enough',
        BCRYPT_LOG_ROUNDS: '4',
        TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
      },
      undefined,
      onTinyDisk(uploadFolder),
    );
    const user = await createUser(dataSource);
    const login = await request(server.base)
      .post('/api/auth/login')
      .send({ email: user.email, password: DEFAULT_PASSWORD })
      .expect(200);
    token = login.body.auth_token as string;
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    await dataSource.destroy();
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (points: number, seed: number) =>
    request(server.base)
      .post('/api/workouts')
      .set(bearer(token))
      .field('data', '{"sport_id": 1}')
      .attach('file', syntheticGpx({ points, seed }), `track-${seed}.gpx`);

  it('refuses an upload with 507 in the envelope and keeps no workout', async () => {
    const res = await upload(1500, 1);
    expect(res.status).toBe(507);
    expect(res.body).toEqual({
      status: 'error',
      message: 'not enough storage space on the server, please try again later',
    });
    expect(await dataSource.query('SELECT id FROM workouts')).toEqual([]);
  });

  it('refuses a picture with 507 and keeps the profile as it was', async () => {
    const res = await request(server.base)
      .post('/api/auth/picture')
      .set(bearer(token))
      .attach('file', noisePng(), 'noise.png');
    expect(res.status).toBe(507);
    expect(res.body.status).toBe('error');
    const [row] = await dataSource.query<{ picture: string | null }[]>('SELECT picture FROM users');
    expect(row?.picture).toBeNull();
  });

  it('serves on, and accepts what fits once the refused writes are gone', async () => {
    // The refused files were removed: a small upload fits in the 64 KB again.
    const small = await upload(60, 2);
    expect(small.status).toBe(201);
    const list = await request(server.base).get('/api/workouts').set(bearer(token)).expect(200);
    expect(list.body.data.workouts).toHaveLength(1);
    await request(server.base)
      .get(`/api/workouts/${list.body.data.workouts[0].id as string}/gpx`)
      .set(bearer(token))
      .expect(200);
  });
});
