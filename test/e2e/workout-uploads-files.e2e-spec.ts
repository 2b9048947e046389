import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError, expectForbidden } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';
import { listFiles, postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

type Workout = Record<string, unknown> & { id: string; map: string | null };

const SINGLE = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
const THREE_SEGMENTS = readSharedFixture('gpx', 'fittrackee_fixture_3_segments.gpx');
const RUN = readSharedFixture('gpx', 'togeojson_run.gpx');
const RUN_FIGURES = (
  JSON.parse(readFileSync(join(sharedFixturesDir(), 'gpx', 'togeojson_run.json'), 'utf8')) as {
    sports: { Running: { result: { api_as_stored: Record<string, unknown> } } };
  }
).sports.Running.result.api_as_stored;
const FORMATS_DIR = join(process.cwd(), 'test', 'fixtures', 'formats');

const workoutsOf = (res: request.Response): Workout[] =>
  (res.body as { data: { workouts: Workout[] } }).data.workouts;

/** PNG signature and IHDR size (docs/uploads.md#files: 400 × 225). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('workouts from files: upload then read (FitTrackee `GET /api/workouts`, docs/uploads.md, FitTrackee `PATCH /api/workouts/<workout_id>`)', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    // A closed port: maps are drawn without tiles and without waiting (issue 6).
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    await setTimezone(t, user.id, 'UTC');
    token = firstPartyToken(t.app, user);
    otherToken = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(() => t.close());

  const get = (path: string, as = token): request.Test =>
    request(t.http).get(`/api/workouts/${path}`).set(bearer(as));

  async function upload(content: Buffer, fileName: string, data = '{"sport_id": 1}') {
    const res = await postWorkoutFile(t, token, content, { fileName, data });
    expect([res.status, res.body.status]).toEqual([201, 'created']);
    return workoutsOf(res);
  }

  async function expectReadable(workout: Workout, original?: Buffer): Promise<void> {
    const gpx = await get(`${workout.id}/gpx`).expect(200);
    expect(gpx.body.status).toBe('success');
    expect(gpx.body.message).toBe('');
    if (original) expect(gpx.body.data.gpx).toBe(original.toString('utf8'));
    const chart = await get(`${workout.id}/chart_data`).expect(200);
    expect(chart.body.data.chart_data.length).toBeGreaterThan(0);
    const segment = await get(`${workout.id}/gpx/segment/1`).expect(200);
    expect(segment.body.data.gpx).toContain('<trkseg>');
    await get(`${workout.id}/chart_data/segment/1`).expect(200);
    const download = await get(`${workout.id}/gpx/download`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      })
      .expect(200);
    expect(download.headers['content-type']).toMatch(/^application\/gpx\+xml/);
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename=\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_\d+_[\w-]{11}\.gpx$/,
    );
    if (original) expect(download.body).toEqual(original);
    expect(workout.map).toMatch(/^[0-9a-f]{32}$/);
    const map = await request(t.http).get(`/api/workouts/map/${workout.map}?1234`).expect(200);
    expect(map.headers['content-type']).toBe('image/png');
    expect(pngSize(map.body as Buffer)).toEqual({ width: 400, height: 225 });
  }

  it('a single GPX: FitTrackee figures, then gpx, chart data, segments, download, map', async () => {
    const [workout] = await upload(SINGLE, 'fittrackee.gpx');
    if (workout === undefined) throw new Error('no workout');
    expect(workout).toMatchObject({
      duration: '0:04:10',
      moving: '0:04:10',
      pauses: null,
      distance: 0.32,
      ave_speed: 4.61,
      max_speed: 5.12,
      ascent: 0.4,
      descent: 23.4,
      min_alt: 975.0,
      max_alt: 998.0,
      workout_date: 'Tue, 13 Mar 2018 12:44:45 GMT',
      with_gpx: true,
    });
    expect(workout['records']).toHaveLength(5);
    await expectReadable(workout, SINGLE);
    const chart = await get(`${workout.id}/chart_data`).expect(200);
    expect(chart.body.data.chart_data[0]).toEqual({
      distance: 0.0,
      duration: 0,
      elevation: 998.0,
      latitude: 44.68095,
      longitude: 6.07367,
      speed: 3.21,
      time: 'Tue, 13 Mar 2018 12:44:45 GMT',
    });
  });

  it('segments are 1-based: 0 is refused, past the end is a 404 (FitTrackee `GET /api/workouts/<workout_id>/gpx`)', async () => {
    const [workout] = await upload(THREE_SEGMENTS, 'three.gpx');
    if (workout === undefined) throw new Error('no workout');
    expect(workout['segments']).toHaveLength(3);
    for (const n of [1, 2, 3]) {
      const res = await get(`${workout.id}/gpx/segment/${n}`).expect(200);
      expect(res.body.data.gpx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gpx /);
      await get(`${workout.id}/chart_data/segment/${n}`).expect(200);
    }
    for (const kind of ['gpx', 'chart_data']) {
      const zero = await get(`${workout.id}/${kind}/segment/0`);
      expectEnvelopeError(zero, 400, 'error', 'Incorrect segment id');
      const past = await get(`${workout.id}/${kind}/segment/4`);
      expectEnvelopeError(past, 404, 'not found', "No segment with id '4'");
    }
  });

  it('a zip of several GPX files: one workout each, in archive order', async () => {
    const zip = await buildZip([
      { name: 'one.gpx', data: SINGLE },
      { name: 'two.gpx', data: THREE_SEGMENTS },
      { name: 'notes.txt', data: 'skipped' },
      { name: 'three.gpx', data: RUN },
    ]);
    const workouts = await upload(zip, 'several.zip');
    expect(workouts.map((w) => [w['title'], w['duration']])).toEqual([
      ['just a workout', '0:04:10'],
      ['just a workout', '0:02:30'],
      ['Untitled', RUN_FIGURES['duration']],
    ]);
    for (const workout of workouts) await expectReadable(workout);
  });

  it.each(['run.tcx', 'run.kml', 'run.kmz', 'run.fit'])(
    '%s is converted to GPX with the figures of the same run',
    async (name) => {
      const [workout] = await upload(
        readFileSync(join(FORMATS_DIR, name)),
        name,
        '{"sport_id": 5}',
      );
      if (workout === undefined) throw new Error('no workout');
      expect(workout['duration']).toBe(RUN_FIGURES['duration']);
      expect(workout['moving']).toBe(RUN_FIGURES['moving']);
      expect(workout['distance']).toBeCloseTo(RUN_FIGURES['distance'] as number, 2);
      await expectReadable(workout);
    },
  );

  it('another user gets 403 on gpx and chart data, 404 on download (FitTrackee `GET /api/workouts/<workout_id>/gpx`, `GET /api/workouts/<workout_id>/gpx/download`)', async () => {
    const [workout] = await upload(SINGLE, 'mine.gpx');
    if (workout === undefined) throw new Error('no workout');
    expectForbidden(await get(`${workout.id}/gpx`, otherToken));
    expectForbidden(await get(`${workout.id}/chart_data`, otherToken));
    const download = await get(`${workout.id}/gpx/download`, otherToken);
    expect({ code: download.status, body: download.body as unknown }).toEqual({
      code: 404,
      body: {
        status: 'not found',
        data: { workout: [] },
        message: `workout not found (id: ${workout.id})`,
      },
    });
  });

  it('unknown ids and workouts without file (FitTrackee `GET /api/workouts/<workout_id>/gpx`, `GET /api/workouts/<workout_id>/gpx/download`, FitTrackee `GET /api/workouts/map/<map_id>`)', async () => {
    const unknown = '2'.repeat(22);
    const gpx = await get(`${unknown}/gpx`);
    expect([gpx.status, gpx.body]).toEqual([
      404,
      { status: 'not found', data: { gpx: '' }, message: `workout not found (id: ${unknown})` },
    ]);
    const chart = await get(`${unknown}/chart_data`);
    expect(chart.body).toEqual({
      status: 'not found',
      data: { chart_data: '' },
      message: `workout not found (id: ${unknown})`,
    });
    const manual = await request(t.http)
      .post('/api/workouts/no_gpx')
      .set(bearer(token))
      .send({ sport_id: 1, duration: 3600, distance: 10, workout_date: '2018-05-15 14:05' })
      .expect(201);
    const id = workoutsOf(manual)[0]?.id ?? '';
    const noFile = await get(`${id}/gpx`);
    expectEnvelopeError(noFile, 404, 'not found', `no gpx file for this workout (id: ${id})`);
    const noDownload = await get(`${id}/gpx/download`);
    expect(noDownload.body).toEqual({
      status: 'not found',
      data: { gpx: '' },
      message: `no gpx file for workout (id: ${id})`,
    });
    const map = await request(t.http).get('/api/workouts/map/0123456789abcdef');
    expectEnvelopeError(map, 404, 'not found', 'Map does not exist.');
  });

  it('PATCH sport: records move to the new sport, figures stay; DELETE removes the files', async () => {
    const [workout] = await upload(SINGLE, 'patch.gpx', '{"sport_id": 4}');
    if (workout === undefined) throw new Error('no workout');
    const stored = await t.dataSource.query<{ gpx: string; map: string }[]>(
      `SELECT gpx, map FROM workouts WHERE uuid = (SELECT uuid FROM workouts ORDER BY id DESC LIMIT 1)`,
    );
    const files = stored[0];
    if (files === undefined) throw new Error('no row');
    const uploadFolder = t.config.app.uploadFolder;
    expect(existsSync(join(uploadFolder, files.gpx))).toBe(true);
    expect(existsSync(join(uploadFolder, files.map))).toBe(true);
    const patched = await request(t.http)
      .patch(`/api/workouts/${workout.id}`)
      .set(bearer(token))
      .send({ sport_id: 6, distance: 99 })
      .expect(200);
    const [after] = workoutsOf(patched);
    expect(after).toMatchObject({ sport_id: 6, distance: 0.32, duration: '0:04:10' });
    const records = await request(t.http).get('/api/records').set(bearer(token)).expect(200);
    const sports = (records.body.data.records as { sport_id: number }[]).map((r) => r.sport_id);
    expect(sports).not.toContain(4);
    expect(sports.filter((s) => s === 6)).toHaveLength(5);
    await request(t.http).delete(`/api/workouts/${workout.id}`).set(bearer(token)).expect(204);
    expect(existsSync(join(uploadFolder, files.gpx))).toBe(false);
    expect(existsSync(join(uploadFolder, files.map))).toBe(false);
    expect(listFiles(uploadFolder).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
