import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';
import type { User } from 'src/users/user.entity';
import type { S3WorkoutFileStorage } from 'src/workouts/files/storage/s3-workout-file-storage';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { GIF, multipart, PNG } from 'test/helpers/auth-multipart';
import { cliEnv, runCliProcess } from 'test/helpers/cli-process';
import { createUser } from 'test/helpers/factories';
import { LocalS3 } from 'test/helpers/local-s3';
import { listFiles, postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { binaryParser, bodyBuffer, readZipEntries } from 'test/helpers/users-zip';
import { setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

type Workout = Record<string, unknown> & { id: string; map: string | null };

const SINGLE = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
const THREE_SEGMENTS = readSharedFixture('gpx', 'fittrackee_fixture_3_segments.gpx');
const PREFIX = 'site-a/';
const UNAVAILABLE = {
  status: 'error',
  message: 'file storage temporarily unavailable, please try again later',
};

const workoutsOf = (res: request.Response): Workout[] =>
  (res.body as { data: { workouts: Workout[] } }).data.workouts;

describe('S3 storage driver (docs/storage.md): uploads, reads, maps, pictures, exports on a real S3-compatible server', () => {
  let s3: LocalS3;
  let t: TestApp;
  let user: User;
  let token: string;
  /** The CLI on the same bucket; the SDK's Node-version notice silenced as docs/storage.md says. */
  const cliOnTheBucket = (): Record<string, string> => ({
    ...cliEnv(t.config),
    ...s3.env(PREFIX),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  beforeAll(async () => {
    s3 = await LocalS3.create();
    // A closed port: maps are drawn without tiles and without waiting.
    t = await createTestApp({
      ...s3.env(PREFIX),
      TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    });
    user = await createUser(t.dataSource);
    await setTimezone(t, user.id, 'UTC');
    token = firstPartyToken(t.app, user);
  });
  afterEach(() => {
    s3.failWrites(undefined);
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  const get = (path: string): request.Test =>
    request(t.http).get(`/api/workouts/${path}`).set(bearer(token));
  const rowsOf = async (userId: number): Promise<{ gpx: string; map: string }[]> =>
    t.dataSource.query(`SELECT gpx, map FROM workouts WHERE user_id = $1 ORDER BY id`, [userId]);
  const userKeys = (userId: number): Promise<string[]> => s3.keys(`${PREFIX}workouts/${userId}/`);

  async function upload(content: Buffer, fileName: string, as = token): Promise<Workout[]> {
    const res = await postWorkoutFile(t, as, content, { fileName });
    expect([res.status, res.body.status]).toEqual([201, 'created']);
    return workoutsOf(res);
  }

  it('a GPX upload writes its file and map as objects under the key prefix, nothing on disk', async () => {
    const [workout] = await upload(SINGLE, 'ride.gpx');
    if (workout === undefined) throw new Error('no workout');
    const [row] = await rowsOf(user.id);
    expect(row?.gpx).toMatch(new RegExp(`^workouts/${user.id}/[\\w-]+\\.gpx$`));
    expect(await userKeys(user.id)).toEqual(
      [`${PREFIX}${row?.gpx}`, `${PREFIX}${row?.map}`].sort(),
    );
    expect(listFiles(t.config.app.uploadFolder).filter((f) => !f.startsWith('.tmp'))).toEqual([]);

    const gpx = await get(`${workout.id}/gpx`).expect(200);
    expect(gpx.body.data.gpx).toBe(SINGLE.toString('utf8'));
    const chart = await get(`${workout.id}/chart_data`).expect(200);
    expect(chart.body.data.chart_data.length).toBeGreaterThan(0);
    await get(`${workout.id}/gpx/segment/1`).expect(200);
    const download = await get(`${workout.id}/gpx/download`)
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(download.headers['content-length']).toBe(String(SINGLE.length));
    expect(bodyBuffer(download)).toEqual(SINGLE);
    const map = await request(t.http).get(`/api/workouts/map/${workout.map}`).expect(200);
    expect(map.headers['content-type']).toBe('image/png');
    expect((map.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a zip makes one workout per file, each with its objects; deleting a workout removes them', async () => {
    const other = await createUser(t.dataSource);
    const otherToken = firstPartyToken(t.app, other);
    const zip = await buildZip([
      { name: 'one.gpx', data: SINGLE },
      { name: 'two.gpx', data: THREE_SEGMENTS },
    ]);
    const workouts = await upload(zip, 'both.zip', otherToken);
    expect(workouts).toHaveLength(2);
    expect(await userKeys(other.id)).toHaveLength(4);
    const [first, second] = workouts;
    if (first === undefined || second === undefined) throw new Error('no workouts');
    await request(t.http).delete(`/api/workouts/${first.id}`).set(bearer(otherToken)).expect(204);
    const rows = await rowsOf(other.id);
    expect(await userKeys(other.id)).toEqual(
      rows.flatMap((row) => [`${PREFIX}${row.gpx}`, `${PREFIX}${row.map}`]).sort(),
    );
    await request(t.http)
      .get(`/api/workouts/${second.id}/gpx/download`)
      .set(bearer(otherToken))
      .expect(200);
  });

  it('a store failing in the middle of an upload: 503, no row, no object', async () => {
    const failing = await createUser(t.dataSource);
    const failingToken = firstPartyToken(t.app, failing);
    // The GPX object is written, then the map's write fails: the GPX object must go too.
    s3.failWrites((key) => key.endsWith('.png'));
    const res = await postWorkoutFile(t, failingToken, SINGLE, { fileName: 'ride.gpx' });
    expect([res.status, res.body]).toEqual([503, UNAVAILABLE]);
    expect(res.headers['retry-after']).toBe('5');
    expect(await rowsOf(failing.id)).toEqual([]);
    expect(await userKeys(failing.id)).toEqual([]);
  });

  it('a store that is down: 503 for uploads and reads, then everything works again', async () => {
    const [kept] = await upload(SINGLE, 'kept.gpx');
    if (kept === undefined) throw new Error('no workout');
    const before = await rowsOf(user.id);
    const storage = t.app.get(ObjectStorageService);
    await s3.stop();
    try {
      expect(await storage.ping()).toEqual({ isUp: false, message: expect.any(String) });
      const health = await request(t.http).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.error.storage).toEqual({ status: 'down', message: expect.any(String) });
      const cliDown = await runCliProcess(cliOnTheBucket(), 'health');
      expect(cliDown.code).toBe(1);
      expect(cliDown.err).toBe('Down: storage.');
      const res = await postWorkoutFile(t, token, SINGLE, { fileName: 'lost.gpx' });
      expect([res.status, res.body]).toEqual([503, UNAVAILABLE]);
      expect([(await get(`${kept.id}/gpx/download`)).status]).toEqual([503]);
      expect(await rowsOf(user.id)).toEqual(before);
    } finally {
      await s3.start();
    }
    expect(await storage.ping()).toEqual({ isUp: true });
    const health = await request(t.http).get('/api/health');
    expect([health.status, health.body.details.storage]).toEqual([200, { status: 'up' }]);
    const cliUp = await runCliProcess(cliOnTheBucket(), 'health');
    expect(cliUp.code).toBe(0);
    expect(cliUp.out).toMatch(/\nstorage\s+up\s+S3 bucket \S+\n/);
    expect(await userKeys(user.id)).toEqual(
      before.flatMap((row) => [`${PREFIX}${row.gpx}`, `${PREFIX}${row.map}`]).sort(),
    );
    await get(`${kept.id}/gpx/download`).expect(200);
  });

  it('the sweep deletes objects no row references once past the grace period, and only those', async () => {
    const store = t.app.get<WorkoutFileStore, S3WorkoutFileStorage>(WorkoutFileStore);
    const orphan = `workouts/${user.id}/2020-01-01_00-00-00_1_orphan.gpx`;
    await store.store.put(orphan, Buffer.from('<gpx/>'));
    const before = await userKeys(user.id);
    expect(before).toContain(`${PREFIX}${orphan}`);
    // Within the grace period an upload may still be committing it: kept.
    expect((await store.sweep(60_000)).removed).toBe(0);
    expect((await store.sweep(-1)).removed).toBe(1);
    expect(await userKeys(user.id)).toEqual(before.filter((key) => !key.endsWith('_orphan.gpx')));
  });

  it('pictures: stored, served, replaced and removed as objects', async () => {
    const owner = await createUser(t.dataSource);
    const ownerToken = firstPartyToken(t.app, owner);
    const send = (name: string, content: Buffer) => {
      const { contentType, body } = multipart(name, content);
      return request(t.http)
        .post('/api/auth/picture')
        .set(bearer(ownerToken))
        .set('Content-Type', contentType)
        .send(body);
    };
    await send('avatar.png', PNG).expect(200);
    const pictures = `${PREFIX}pictures/${owner.id}/`;
    expect(await s3.keys(pictures)).toEqual([`${pictures}avatar.png`]);
    const served = await request(t.http)
      .get(`/api/users/${owner.username}/picture`)
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(bodyBuffer(served)).toEqual(PNG);
    await send('anim.gif', GIF).expect(200);
    expect(await s3.keys(pictures)).toEqual([`${pictures}anim.gif`]);
    await request(t.http).delete('/api/auth/picture').set(bearer(ownerToken)).expect(204);
    expect(await s3.keys(pictures)).toEqual([]);
  });

  it('exports: the archive is built from the objects, stored and downloaded; user deletion removes every object', async () => {
    const exporter = await createUser(t.dataSource);
    const exporterToken = firstPartyToken(t.app, exporter);
    const { contentType, body } = multipart('avatar.png', PNG);
    await request(t.http)
      .post('/api/auth/picture')
      .set(bearer(exporterToken))
      .set('Content-Type', contentType)
      .send(body)
      .expect(200);
    await upload(SINGLE, 'ride.gpx', exporterToken);
    await request(t.http)
      .post('/api/auth/account/export/request')
      .set(bearer(exporterToken))
      .expect(200);
    await t.app.get(InProcessJobQueue).drain();
    const status = await request(t.http)
      .get('/api/auth/account/export')
      .set(bearer(exporterToken))
      .expect(200);
    const { file_name: fileName, file_size: fileSize } = status.body.request as {
      file_name: string;
      file_size: number;
    };
    expect(await s3.keys(`${PREFIX}exports/${exporter.id}/`)).toEqual([
      `${PREFIX}exports/${exporter.id}/${fileName}`,
    ]);
    const archive = await request(t.http)
      .get(`/api/auth/account/export/${fileName}`)
      .set(bearer(exporterToken))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(bodyBuffer(archive)).toHaveLength(fileSize);
    const entries = await readZipEntries(bodyBuffer(archive));
    const [row] = await rowsOf(exporter.id);
    const gpxName = row?.gpx.slice(row.gpx.lastIndexOf('/') + 1) ?? '';
    expect([...entries.keys()].sort()).toEqual(
      ['avatar.png', `gpx/${gpxName}`, 'user_data.json', 'user_workouts_data.json'].sort(),
    );
    expect(entries.get(`gpx/${gpxName}`)).toEqual(SINGLE);

    await request(t.http)
      .delete(`/api/users/${exporter.username}`)
      .set(bearer(exporterToken))
      .expect(204);
    for (const folder of ['workouts', 'pictures', 'exports'])
      expect(await s3.keys(`${PREFIX}${folder}/${exporter.id}/`)).toEqual([]);
  });
});
