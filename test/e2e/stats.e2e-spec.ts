import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInsufficientScope,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const DEFAULT_500 = 'error, please try again or contact the administrator';

describe('statistics endpoints (FitTrackee `/api/stats`)', () => {
  let t: TestApp;
  let user: User;
  let reader: User;
  let admin: User;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.dataSource);
    reader = await createUser(t.dataSource);
    admin = await createUser(t.dataSource, { admin: true });
    token = firstPartyToken(t.app, user);
    // Europe/Paris: 2018-01-01 00:30 local is 2017-12-31 23:30 UTC.
    await createManualWorkout(t, token, {
      workout_date: '2018-01-01 00:30',
      distance: 10,
      duration: 3600,
    });
    await createManualWorkout(t, token, {
      workout_date: '2018-01-20 10:00',
      distance: 10.25,
      duration: 3600,
    });
    await createManualWorkout(t, token, {
      workout_date: '2018-01-21 10:00',
      sport_id: 3,
      distance: 5,
      duration: 3600,
    });
  });
  afterAll(() => t.close());

  const get = (path: string, as = token) => request(t.http).get(path).set(bearer(as));

  describe('GET /api/stats/<username>/by_time', () => {
    it('keys periods on the UTC date and filters from/to in the user zone', async () => {
      const res = await get(`/api/stats/${user.username}/by_time?time=month`).expect(200);
      expect(Object.keys(res.body.data.statistics)).toEqual(['2017-12', '2018-01']);
      const filtered = await get(
        `/api/stats/${user.username}/by_time?time=month&from=2018-01-01&to=2018-01-20`,
      ).expect(200);
      expect(filtered.body.data.statistics).toEqual({
        '2017-12': { '1': expect.objectContaining({ nb_workouts: 1 }) },
        '2018-01': { '1': expect.objectContaining({ nb_workouts: 1, total_distance: 10.25 }) },
      });
    });

    it('rounds the running average like the reference (10 then 10.25 → 10.12)', async () => {
      const res = await get(
        `/api/stats/${user.username}/by_time?from=2017-12-01&sport_id=1`,
      ).expect(200);
      expect(res.body.data.statistics).toEqual({
        '2017': { '1': expect.objectContaining({ average_speed: 10 }) },
        '2018': { '1': expect.objectContaining({ average_speed: 10.25 }) },
      });
      const sports = await get(`/api/stats/${user.username}/by_sport?sport_id=1`).expect(200);
      expect(sports.body.data.statistics).toEqual({
        '1': {
          average_speed: 10.12,
          nb_workouts: 2,
          total_ascent: 0,
          total_descent: 0,
          total_distance: 20.25,
          total_duration: 7200,
        },
      });
    });

    it('answers "Invalid time period." only when workouts match', async () => {
      expectEnvelopeError(
        await get(`/api/stats/${user.username}/by_time?time=day`),
        400,
        'fail',
        'Invalid time period.',
      );
      const none = await get(`/api/stats/${user.username}/by_time?time=day&from=2030-01-01`).expect(
        200,
      );
      expect(none.body).toEqual({ status: 'success', data: { statistics: {} } });
    });

    it('answers empty statistics for a user without workouts', async () => {
      const res = await get(`/api/stats/${reader.username}/by_time`).expect(200);
      expect(res.body).toEqual({ status: 'success', data: { statistics: {} } });
    });

    it.each(['from=2018-13-01', 'to=tomorrow', 'sport_id=abc'])(
      'answers 400 with the default message for %s',
      async (query) => {
        expectEnvelopeError(
          await get(`/api/stats/${user.username}/by_time?${query}`),
          400,
          'error',
          DEFAULT_500,
        );
      },
    );

    it('answers 404 for an unknown user', async () => {
      expectNotFound(await get('/api/stats/nobody_here/by_time'), 'user does not exist');
    });
  });

  describe('GET /api/stats/<username>/by_sport', () => {
    it('groups by sport', async () => {
      const res = await get(`/api/stats/${user.username}/by_sport`).expect(200);
      expect(Object.keys(res.body.data.statistics)).toEqual(['1', '3']);
      expect(res.body.data.statistics['3']).toEqual({
        average_speed: 5,
        nb_workouts: 1,
        total_ascent: 0,
        total_descent: 0,
        total_distance: 5,
        total_duration: 3600,
      });
    });

    it('answers 404 for an unknown sport or user, 400 for a non-numeric sport', async () => {
      expectNotFound(
        await get(`/api/stats/${user.username}/by_sport?sport_id=99`),
        'sport does not exist',
      );
      expectNotFound(await get('/api/stats/nobody_here/by_sport'), 'user does not exist');
      expectEnvelopeError(
        await get(`/api/stats/${user.username}/by_sport?sport_id=x`),
        400,
        'error',
        DEFAULT_500,
      );
    });
  });

  describe('access to statistics', () => {
    it("lets a first-party token read another user's statistics, as the reference does", async () => {
      await get(`/api/stats/${user.username}/by_sport`, firstPartyToken(t.app, reader)).expect(200);
    });

    it("refuses an OAuth2 token reading another user's statistics", async () => {
      const oauth = await oauth2AccessToken(t.app, reader, 'workouts:read');
      expectForbidden(await get(`/api/stats/${user.username}/by_time`, oauth));
      expectForbidden(await get(`/api/stats/${user.username}/by_sport`, oauth));
      await get(`/api/stats/${reader.username}/by_time`, oauth).expect(200);
    });

    it('requires a token and the workouts:read scope', async () => {
      expectUnauthorized(await request(t.http).get(`/api/stats/${user.username}/by_time`));
      const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
      expectInsufficientScope(await get(`/api/stats/${user.username}/by_sport`, writeOnly));
    });
  });

  describe('GET /api/stats/all', () => {
    it('counts workouts, users, used sports and upload bytes for admins', async () => {
      const folder = join(t.config.app.uploadFolder, 'workouts', '1');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'a.gpx'), Buffer.alloc(1000));
      writeFileSync(join(t.config.app.uploadFolder, 'b.png'), Buffer.alloc(24));
      const res = await get('/api/stats/all', firstPartyToken(t.app, admin)).expect(200);
      expect(res.body).toEqual({
        status: 'success',
        data: { sports: 2, uploads_dir_size: 1024, users: 3, workouts: 3 },
      });
    });

    it('is admin only and needs workouts:read', async () => {
      expectForbidden(await get('/api/stats/all'));
      const usersRead = await oauth2AccessToken(t.app, admin, 'users:read');
      const workoutsRead = await oauth2AccessToken(t.app, admin, 'workouts:read');
      expectInsufficientScope(await get('/api/stats/all', usersRead));
      await get('/api/stats/all', workoutsRead).expect(200);
    });
  });
});
