import { rmSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError, expectNotFound } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { postWorkoutFile } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/**
 * A workout row whose files are gone from the upload folder (removed by hand, or lost with a
 * disk) answers like a workout without a file: 404, never 500.
 */
describe('a workout whose files are missing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
  });
  afterAll(() => t.close());

  it('answers 404 on its GPX, segment, chart data, download and map routes', async () => {
    const user = await createUser(t.dataSource);
    const token = firstPartyToken(t.app, user);
    const created = await postWorkoutFile(t, token, syntheticGpx({ points: 60 })).expect(201);
    const workout = created.body.data.workouts[0] as { id: string; map: string };
    const [row] = await t.dataSource.query<{ gpx: string; map: string }[]>(
      'SELECT gpx, map FROM workouts',
    );
    rmSync(join(t.config.app.uploadFolder, row?.gpx ?? '-'));
    rmSync(join(t.config.app.uploadFolder, row?.map ?? '-'));

    const get = (path: string): request.Test =>
      request(t.http).get(`/api/workouts/${workout.id}/${path}`).set(bearer(token));
    const noFile = `no gpx file for this workout (id: ${workout.id})`;
    for (const path of ['gpx', 'gpx/segment/1', 'chart_data', 'chart_data/segment/1'])
      expectNotFound(await get(path), noFile);
    const download = await get('gpx/download');
    expect({ code: download.status, body: download.body as unknown }).toEqual({
      code: 404,
      body: {
        status: 'not found',
        data: { gpx: '' },
        message: `no gpx file for workout (id: ${workout.id})`,
      },
    });
    const map = await request(t.http).get(`/api/workouts/map/${workout.map}`);
    expectEnvelopeError(map, 404, 'not found', 'Map file does not exist.');
  });
});
