import type { User } from 'src/users/user.entity';
import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { toStoredFigures } from 'src/workouts/gpx/stored-figures';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import { countWorkouts, listFiles, postWorkoutFile, setUploadLimits } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const UPLOADS = 20;
const POINTS = 10_000;
// Correctness under concurrency, not speed (that is bench/uploads.bench.ts): shared CI machines
// can be many times slower than an idle one.

describe('20 concurrent uploads of 10,000-point files (issue 6)', () => {
  let t: TestApp;
  let users: User[];

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    users = [await createUser(t.dataSource), await createUser(t.dataSource)];
    await setUploadLimits(t, { maxSingleFileSize: 4 << 20 });
  });
  afterAll(() => t.close());

  it('all complete, each workout has its own figures, records name the best ones', async () => {
    const files = Array.from({ length: UPLOADS }, (_, i) =>
      syntheticGpx({
        points: POINTS,
        seed: i,
        start: new Date(Date.UTC(2024, 0, 1 + i, 6)),
        name: `run ${i}`,
      }),
    );
    const expected = await Promise.all(
      files.map(async (gpx) =>
        toStoredFigures(await analyzeGpx(gpx, { stoppedSpeedThreshold: 1, useRawGpxSpeed: false })),
      ),
    );
    const responses = await Promise.all(
      files.map((gpx, i) => {
        const user = users[i % 2] as User;
        return postWorkoutFile(t, firstPartyToken(t.app, user), gpx, {
          fileName: `run-${i}.gpx`,
          data: '{"sport_id": 1}',
        });
      }),
    );
    responses.forEach((res, i) => {
      expect([i, res.status]).toEqual([i, 201]);
      const [workout] = (res.body as { data: { workouts: Record<string, unknown>[] } }).data
        .workouts;
      const figures = expected[i];
      expect(workout).toMatchObject({ title: `run ${i}`, distance: figures?.distance });
      expect(workout?.['ave_speed']).toBe(figures?.aveSpeed);
      expect(workout?.['max_speed']).toBe(figures?.maxSpeed);
    });
    for (const [u, user] of users.entries()) {
      expect(await countWorkouts(t, user.id)).toBe(UPLOADS / 2);
      const mine = expected.filter((_, i) => i % 2 === u);
      const res = await request(t.http)
        .get('/api/records')
        .set(bearer(firstPartyToken(t.app, user)))
        .expect(200);
      const records = res.body.data.records as { record_type: string; value: number }[];
      const value = (type: string): number | undefined =>
        records.find((r) => r.record_type === type)?.value;
      expect(records).toHaveLength(5);
      expect(value('FD')).toBe(Math.max(...mine.map((f) => f.distance)));
      expect(value('AS')).toBe(Math.max(...mine.map((f) => f.aveSpeed)));
      expect(value('MS')).toBe(Math.max(...mine.map((f) => f.maxSpeed)));
    }
    const stored = listFiles(t.config.app.uploadFolder);
    expect(stored.filter((f) => f.endsWith('.gpx'))).toHaveLength(UPLOADS);
    expect(stored.filter((f) => f.endsWith('.png'))).toHaveLength(UPLOADS);
    expect(stored.filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 300_000);
});
