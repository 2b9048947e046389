import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { postWorkoutFile, referenceFixtures, setUploadLimits } from 'test/helpers/uploads';
import { setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** Sport ids of the fixtures' two thresholds (FitTrackee `GET /api/sports`). */
const SPORTS = { Running: 5, Hiking: 3 } as const;

const FIGURES = [
  'duration',
  'pauses',
  'moving',
  'distance',
  'min_alt',
  'max_alt',
  'descent',
  'ascent',
  'max_speed',
  'ave_speed',
] as const;

/**
 * Segment objects turn every falsy value into null (FitTrackee `GET /api/workouts/<workout_id>`).
 */
const segmentValue = (value: unknown): unknown =>
  value === 0 || value === '0:00:00' || value === '' ? null : value;

describe('POST /api/workouts with the shared GPX fixtures (docs/uploads.md#computed)', () => {
  let t: TestApp;
  let user: User;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    await setTimezone(t, user.id, 'UTC');
    token = firstPartyToken(t.app, user);
    await setUploadLimits(t, { maxSingleFileSize: 8 << 20, maxZipFileSize: 64 << 20 });
  });
  afterAll(() => t.close());

  for (const fixture of referenceFixtures()) {
    for (const [sport, sportId] of Object.entries(SPORTS)) {
      const expected = fixture.reference.sports[sport]?.result;
      it(`${fixture.name} as ${sport} matches FitTrackee's stored figures`, async () => {
        if (expected === undefined) throw new Error('fixture without this sport');
        const res = await postWorkoutFile(t, token, fixture.gpx, {
          fileName: `${fixture.name}.gpx`,
          data: JSON.stringify({ sport_id: sportId }),
        });
        if (expected.fittrackee_pipeline.outcome !== 'created') {
          expect({ status: res.status, body: res.body as unknown }).toEqual({
            status: 400,
            body: { status: 'error', message: expected.fittrackee_pipeline.message },
          });
          return;
        }
        expect(res.status).toBe(201);
        const [workout] = (res.body as { data: { workouts: Record<string, unknown>[] } }).data
          .workouts;
        if (workout === undefined) throw new Error('no workout returned');
        for (const key of FIGURES)
          expect([key, workout[key]]).toEqual([key, expected.api_as_stored[key]]);
        expect(workout['title']).toBe(expected.title);
        expect(workout['with_gpx']).toBe(true);
        expect(workout['sport_id']).toBe(sportId);
        expect(workout['bounds']).toEqual(expected.bounds);
        const segments = workout['segments'] as Record<string, unknown>[];
        expect(segments).toHaveLength(expected.segments_nb);
        expected.segments.forEach((segment, index) => {
          for (const key of FIGURES) {
            expect([index, key, segments[index]?.[key]]).toEqual([
              index,
              key,
              segmentValue(segment.api_as_stored[key]),
            ]);
          }
        });
        await request(t.http)
          .delete(`/api/workouts/${String(workout['id'])}`)
          .set(bearer(token))
          .expect(204);
      });
    }
  }
});
