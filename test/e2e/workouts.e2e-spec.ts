import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { User } from 'src/users/user.entity';
import { encodeShortId } from 'src/workouts/short-id';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInsufficientScope,
  expectInvalidPayload,
  expectTooLong,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout, setTimezone } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const DEFAULT_500 = 'error, please try again or contact the administrator';

function expectWorkoutNotFound(res: request.Response): void {
  expect({ code: res.status, body: res.body as unknown }).toEqual({
    code: 404,
    body: { status: 'not found', data: { workouts: [] } },
  });
}

describe('workouts (FitTrackee `GET /api/workouts/<workout_id>`, `POST /api/workouts/no_gpx`, `PATCH /api/workouts/<workout_id>`)', () => {
  let t: TestApp;
  let user: User;
  let other: User;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    other = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    otherToken = firstPartyToken(t.app, other);
  });
  afterAll(() => t.close());

  const post = (body: unknown, as = token) =>
    request(t.http)
      .post('/api/workouts/no_gpx')
      .set(bearer(as))
      .send(body as object);

  describe('POST /api/workouts/no_gpx', () => {
    const valid = { sport_id: 1, duration: 3600, distance: 10, workout_date: '2018-05-15 14:05' };

    it('creates a workout in the user time zone with a default title (FitTrackee `POST /api/workouts/no_gpx`, docs/compatibility.md#kept-quirks)', async () => {
      const res = await post({ ...valid, ascent: 120, descent: 115, notes: 'windy' }).expect(201);
      expect(res.body.status).toBe('created');
      const [workout] = res.body.data.workouts;
      expect(workout.id).toMatch(/^[2-9A-HJ-NP-Za-km-z]{22}$/);
      expect(workout.creation_date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(workout).toEqual({
        ascent: 120,
        ave_speed: 10,
        bounds: [],
        creation_date: workout.creation_date,
        descent: 115,
        distance: 10,
        duration: '1:00:00',
        id: workout.id,
        map: null,
        max_alt: null,
        max_speed: 10,
        min_alt: null,
        modification_date: null,
        moving: '1:00:00',
        next_workout: null,
        notes: 'windy',
        pauses: null,
        previous_workout: null,
        records: ['AS', 'FD', 'HA', 'LD', 'MS'].map((type) => ({
          id: expect.any(Number),
          record_type: type,
          sport_id: 1,
          user: user.username,
          value: { AS: 10, FD: 10, HA: 120, LD: '1:00:00', MS: 10 }[type],
          workout_date: 'Tue, 15 May 2018 12:05:00 GMT',
          workout_id: workout.id,
        })),
        segments: [],
        sport_id: 1,
        title: 'Cycling (Sport) - 2018-05-15 14:05:00',
        user: user.username,
        weather_end: null,
        weather_start: null,
        with_gpx: false,
        workout_date: 'Tue, 15 May 2018 12:05:00 GMT',
      });
    });

    it('takes the date as UTC for a user without time zone, and keeps a given title', async () => {
      const utcUser = await createUser(t.dataSource);
      await setTimezone(t, utcUser.id, '');
      const workout = await createManualWorkout(t, firstPartyToken(t.app, utcUser), {
        sport_id: 3,
        title: 'morning hike',
      });
      expect(workout['workout_date']).toBe('Tue, 15 May 2018 14:05:00 GMT');
      expect(workout['title']).toBe('morning hike');
    });

    it('stores decimals rounded half away from zero (FitTrackee workout model)', async () => {
      const workout = await createManualWorkout(t, token, { distance: 10.005, duration: 3600 });
      expect(workout['distance']).toBe(10.005);
      expect(workout['ave_speed']).toBe(10.01);
      const tiny = await createManualWorkout(t, token, { distance: 0.001, duration: 1200 });
      expect(tiny['ave_speed']).toBe(0);
      expect(tiny['distance']).toBe(0.001);
    });

    it('uses the seconds modulo one day for speeds, null for whole days (FitTrackee `POST /api/workouts/no_gpx` ⚠)', async () => {
      const long = await createManualWorkout(t, token, { distance: 100, duration: 25 * 3600 });
      expect(long['duration']).toBe('1 day, 1:00:00');
      expect(long['ave_speed']).toBe(100);
      const days = await createManualWorkout(t, token, { distance: 100, duration: 2 * 86400 });
      expect(days['duration']).toBe('2 days, 0:00:00');
      expect(days['ave_speed']).toBeNull();
      expect(days['max_speed']).toBeNull();
    });

    it('accepts numeric strings for ascent and descent', async () => {
      const workout = await createManualWorkout(t, token, { ascent: '10.5', descent: '0' });
      expect(workout['ascent']).toBe(10.5);
      expect(workout['descent']).toBe(0);
    });

    it.each<[string, unknown]>([
      ['no body', undefined],
      ['an empty body', {}],
      ...['sport_id', 'duration', 'distance', 'workout_date'].flatMap(
        (key): [string, unknown][] => [
          [`no ${key}`, { ...valid, [key]: undefined }],
          [`${key} 0`, { ...valid, [key]: 0 }],
          [`${key} ""`, { ...valid, [key]: '' }],
          [`${key} null`, { ...valid, [key]: null }],
        ],
      ),
      ['only ascent', { ...valid, ascent: 10 }],
      ['only descent', { ...valid, descent: 10 }],
      ['a null ascent with a descent', { ...valid, ascent: null, descent: 100 }],
      ['a negative ascent', { ...valid, ascent: -1, descent: 10 }],
      ['a non-numeric descent', { ...valid, ascent: 1, descent: 'high' }],
      ['a negative distance', { ...valid, distance: -5 }],
      ['a string duration', { ...valid, duration: '3600' }],
      ['a fractional duration', { ...valid, duration: 10.5 }],
      ['a duration over a year', { ...valid, duration: 400 * 86400 }],
      ['a string sport', { ...valid, sport_id: '1' }],
      ['a numeric title', { ...valid, title: 12 }],
    ])('answers invalid payload for %s', async (_label, body) => {
      const req = request(t.http).post('/api/workouts/no_gpx').set(bearer(token));
      expectInvalidPayload(await (body === undefined ? req : req.send(body as object)));
    });

    it.each([
      ['title', 255],
      ['notes', 500],
    ])('answers 400 naming %s when longer than its column (%i)', async (field, limit) => {
      const res = await request(t.http)
        .post('/api/workouts/no_gpx')
        .set(bearer(token))
        .send({ ...valid, [field]: 'x'.repeat(limit + 1) });
      expectTooLong(res, field, limit);
    });

    it.each([
      ['a malformed date', { ...valid, workout_date: '15/2018' }],
      ['an impossible date', { ...valid, workout_date: '2018-02-30 10:00' }],
      ['an unknown sport', { ...valid, sport_id: 99 }],
      ['an unknown sport without title', { ...valid, sport_id: 99, title: '' }],
    ])('answers "Error during workout save." for %s', async (_label, body) => {
      expectEnvelopeError(await post(body), 400, 'fail', 'Error during workout save.');
    });

    it('accepts a 500-character note and a 255-character title', async () => {
      await post({ ...valid, title: 'x'.repeat(255), notes: 'y'.repeat(500) }).expect(201);
    });

    it('requires a token and the workouts:write scope', async () => {
      expectUnauthorized(await request(t.http).post('/api/workouts/no_gpx').send(valid));
      const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
      const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
      expectInsufficientScope(await post(valid, readOnly));
      await post(valid, writeOnly).expect(201);
    });
  });

  describe('GET /api/workouts/<id>', () => {
    let ids: string[];

    beforeAll(async () => {
      const owner = await createUser(t.dataSource);
      token = firstPartyToken(t.app, owner);
      user = owner;
      ids = [];
      for (const date of ['2020-01-02 10:00', '2020-01-01 10:00', '2020-01-03 10:00'])
        ids.push((await createManualWorkout(t, token, { workout_date: date }))['id'] as string);
    });

    it('returns the workout with previous and next by date (FitTrackee `GET /api/workouts/<workout_id>`)', async () => {
      const res = await request(t.http)
        .get(`/api/workouts/${ids[0]}`)
        .set(bearer(token))
        .expect(200);
      expect(res.body.status).toBe('success');
      expect(res.body.data.workouts).toHaveLength(1);
      expect(res.body.data.workouts[0]).toMatchObject({
        id: ids[0],
        previous_workout: ids[1],
        next_workout: ids[2],
      });
      const first = await request(t.http).get(`/api/workouts/${ids[1]}`).set(bearer(token));
      expect(first.body.data.workouts[0]).toMatchObject({
        previous_workout: null,
        next_workout: ids[0],
      });
    });

    it.each(['kjxavSTUrJvoAh2wvCeGEF', 'not_a_short_id', '0OlI1', 'x'.repeat(80)])(
      'answers data-not-found for %p',
      async (id) => {
        expectWorkoutNotFound(await request(t.http).get(`/api/workouts/${id}`).set(bearer(token)));
      },
    );

    it("answers 403 for another user's workout", async () => {
      expectForbidden(await request(t.http).get(`/api/workouts/${ids[0]}`).set(bearer(otherToken)));
    });

    it('requires a token and the workouts:read scope', async () => {
      expectUnauthorized(await request(t.http).get(`/api/workouts/${ids[0]}`));
      const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
      const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
      expectInsufficientScope(
        await request(t.http).get(`/api/workouts/${ids[0]}`).set(bearer(writeOnly)),
      );
      await request(t.http).get(`/api/workouts/${ids[0]}`).set(bearer(readOnly)).expect(200);
    });
  });

  describe('PATCH /api/workouts/<id>', () => {
    let id: string;

    beforeEach(async () => {
      id = (await createManualWorkout(t, token, { ascent: 10, descent: 20, notes: 'n' }))[
        'id'
      ] as string;
    });
    const patch = (body: unknown, as = token) =>
      request(t.http)
        .patch(`/api/workouts/${id}`)
        .set(bearer(as))
        .send(body as object);

    it('updates title, notes, sport, date, duration and distance; speeds follow (FitTrackee `PATCH /api/workouts/<workout_id>`)', async () => {
      const res = await patch({
        title: 'renamed',
        notes: '',
        sport_id: 2,
        workout_date: '2019-01-10 08:30',
        duration: 1800,
        distance: 12.5,
      }).expect(200);
      const [workout] = res.body.data.workouts;
      expect(workout).toMatchObject({
        id,
        title: 'renamed',
        notes: '',
        sport_id: 2,
        workout_date: 'Thu, 10 Jan 2019 07:30:00 GMT',
        duration: '0:30:00',
        moving: '0:30:00',
        distance: 12.5,
        ave_speed: 25,
        max_speed: 25,
        ascent: 10,
        descent: 20,
      });
      expect(workout.modification_date).toMatch(/GMT$/);
      expect((workout.records as { sport_id: number }[]).map((r) => r.sport_id)).toEqual([
        2, 2, 2, 2, 2,
      ]);
    });

    it('ignores falsy title, duration, distance and a null note', async () => {
      const res = await patch({ title: '', duration: 0, distance: 0, notes: null }).expect(200);
      expect(res.body.data.workouts[0]).toMatchObject({
        title: 'Cycling (Sport) - 2018-05-15 14:05:00',
        duration: '1:00:00',
        distance: 10,
        notes: 'n',
      });
    });

    it('clears ascent and descent with two nulls, dropping the HA record', async () => {
      const owner = firstPartyToken(t.app, await createUser(t.dataSource));
      const workout = await createManualWorkout(t, owner, { ascent: 10, descent: 20 });
      expect(workout['records']).toHaveLength(5);
      const res = await request(t.http)
        .patch(`/api/workouts/${workout['id'] as string}`)
        .set(bearer(owner))
        .send({ ascent: null, descent: null })
        .expect(200);
      expect(res.body.data.workouts[0]).toMatchObject({ ascent: null, descent: null });
      expect(
        (res.body.data.workouts[0].records as { record_type: string }[]).map((r) => r.record_type),
      ).toEqual(['AS', 'FD', 'LD', 'MS']);
    });

    it.each([
      ['no body', undefined],
      ['an empty body', {}],
      ['ascent alone', { ascent: 5 }],
      ['descent alone (even null)', { descent: null }],
      ['a negative ascent', { ascent: -5, descent: 1 }],
      ['a non-numeric ascent', { ascent: 'up', descent: 1 }],
      ['a string duration', { duration: '60' }],
    ])('answers invalid payload for %s', async (_label, body) => {
      const req = request(t.http).patch(`/api/workouts/${id}`).set(bearer(token));
      expectInvalidPayload(await (body === undefined ? req : req.send(body)));
    });

    it.each([
      ['title', 255],
      ['notes', 500],
    ])('answers 400 naming %s when longer than its column (%i)', async (field, limit) => {
      const res = await request(t.http)
        .patch(`/api/workouts/${id}`)
        .set(bearer(token))
        .send({ [field]: 'x'.repeat(limit + 1) });
      expectTooLong(res, field, limit);
    });

    it.each([
      ['an unknown sport', { sport_id: 99 }],
      ['a malformed date', { workout_date: '2019/01/10' }],
    ])('answers 400 with the default message for %s', async (_label, body) => {
      expectEnvelopeError(await patch(body), 400, 'error', DEFAULT_500);
    });

    it('answers 404 for an unknown id and 403 for another user', async () => {
      expectWorkoutNotFound(
        await request(t.http)
          .patch('/api/workouts/kjxavSTUrJvoAh2wvCeGEF')
          .set(bearer(token))
          .send({ title: 'x' }),
      );
      expectForbidden(await patch({ title: 'x' }, otherToken));
    });

    it('requires the workouts:write scope', async () => {
      const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
      expectInsufficientScope(await patch({ title: 'x' }, readOnly));
    });

    it('applies only sport, title and notes to a workout with a GPX file', async () => {
      const writer = t.app.get(WorkoutsWriter);
      const created = await writer.inUserTransaction(user.id, (manager) =>
        writer.insert(
          manager,
          {
            userId: user.id,
            sportId: 1,
            title: 'from file',
            workoutDate: new Date('2021-02-01T10:00:00Z'),
            notes: null,
            gpx: 'workouts/none.gpx',
            duration: 250,
            pauses: null,
            moving: 250,
            distance: 0.32,
            minAlt: 975,
            maxAlt: 998,
            ascent: 0.4,
            descent: 23.4,
            maxSpeed: 5.12,
            aveSpeed: 4.61,
          },
          [
            {
              segmentId: 0,
              duration: 250,
              pauses: 0,
              moving: 250,
              distance: 0.32,
              minAlt: 975,
              maxAlt: 998,
              ascent: 0,
              descent: 23.4,
              maxSpeed: 5.12,
              aveSpeed: 4.61,
            },
          ],
        ),
      );
      const gpxId = encodeShortId(created.uuid);
      const res = await request(t.http)
        .patch(`/api/workouts/${gpxId}`)
        .set(bearer(token))
        .send({ title: 'renamed', notes: 'ok', sport_id: 2, distance: 99, duration: 99, ascent: 5 })
        .expect(200);
      expect(res.body.data.workouts[0]).toMatchObject({
        title: 'renamed',
        notes: 'ok',
        sport_id: 2,
        distance: 0.32,
        duration: '0:04:10',
        ascent: 0.4,
        ave_speed: 4.61,
        with_gpx: true,
        segments: [
          {
            workout_id: gpxId,
            segment_id: 0,
            duration: '0:04:10',
            pauses: null,
            moving: '0:04:10',
            distance: 0.32,
            min_alt: 975,
            max_alt: 998,
            descent: 23.4,
            ascent: null,
            max_speed: 5.12,
            ave_speed: 4.61,
          },
        ],
      });
    });
  });

  describe('DELETE /api/workouts/<id>', () => {
    it('deletes the workout and answers 204 with an empty body', async () => {
      const id = (await createManualWorkout(t, token, {}))['id'] as string;
      const res = await request(t.http)
        .delete(`/api/workouts/${id}`)
        .set(bearer(token))
        .expect(204);
      expect(res.text).toBe('');
      expectWorkoutNotFound(await request(t.http).get(`/api/workouts/${id}`).set(bearer(token)));
    });

    it('removes the GPX and map files of a workout with files', async () => {
      const folder = t.config.app.uploadFolder;
      mkdirSync(join(folder, 'workouts', String(user.id)), { recursive: true });
      const gpx = `workouts/${user.id}/track.gpx`;
      const map = `workouts/${user.id}/map.png`;
      writeFileSync(join(folder, gpx), '<gpx/>');
      const writer = t.app.get(WorkoutsWriter);
      const created = await writer.inUserTransaction(user.id, (manager) =>
        writer.insert(manager, {
          userId: user.id,
          sportId: 1,
          title: 'with files',
          workoutDate: new Date('2021-01-01T10:00:00Z'),
          notes: null,
          gpx,
          map,
          mapId: 'abc',
          duration: 600,
          pauses: null,
          moving: 600,
          distance: 1,
          minAlt: null,
          maxAlt: null,
          ascent: null,
          descent: null,
          maxSpeed: 7,
          aveSpeed: 6,
        }),
      );
      await request(t.http)
        .delete(`/api/workouts/${encodeShortId(created.uuid)}`)
        .set(bearer(token))
        .expect(204);
      expect(existsSync(join(folder, gpx))).toBe(false);
    });

    it('answers 404 for an unknown id, 403 for another user, and needs workouts:write', async () => {
      const id = (await createManualWorkout(t, token, {}))['id'] as string;
      expectWorkoutNotFound(
        await request(t.http).delete('/api/workouts/kjxavSTUrJvoAh2wvCeGEF').set(bearer(token)),
      );
      expectForbidden(await request(t.http).delete(`/api/workouts/${id}`).set(bearer(otherToken)));
      const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
      expectInsufficientScope(
        await request(t.http).delete(`/api/workouts/${id}`).set(bearer(readOnly)),
      );
      expectUnauthorized(await request(t.http).delete(`/api/workouts/${id}`));
    });
  });
});
