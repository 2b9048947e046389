import type { User } from 'src/users/user.entity';
import { SportsService } from 'src/workouts/sports/sports.service';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInsufficientScope,
  expectInvalidPayload,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const LABELS = [
  'Cycling (Sport)',
  'Cycling (Transport)',
  'Hiking',
  'Mountain Biking',
  'Running',
  'Walking',
  'Mountain Biking (Electric)',
  'Trail',
  'Skiing (Alpine)',
  'Skiing (Cross Country)',
  'Rowing',
  'Snowshoes',
  'Cycling (Virtual)',
  'Mountaineering',
  'Paragliding',
  'Open Water Swimming',
  'Cycling (Trekking)',
];
const THRESHOLDS = [1, 1, 0.1, 1, 1, 0.1, 1, 0.1, 1, 0.1, 1, 0.1, 1, 0.1, 0.1, 0.1, 1];

describe('sports and sport preferences (FitTrackee `GET /api/sports`, `POST /api/auth/profile/edit/sports`, `DELETE /api/auth/profile/reset/sports/<sport_id>`)', () => {
  let t: TestApp;
  let admin: User;
  let user: User;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { admin: true });
    user = await createUser(t.dataSource);
    adminToken = firstPartyToken(t.app, admin);
    userToken = firstPartyToken(t.app, user);
  });
  afterAll(() => t.close());

  describe('GET /api/sports', () => {
    it('lists the 17 default sports in id order', async () => {
      const res = await request(t.http).get('/api/sports').set(bearer(userToken)).expect(200);
      expect(res.body.status).toBe('success');
      expect(res.body.data.sports).toEqual(
        LABELS.map((label, index) => ({
          id: index + 1,
          label,
          is_active: true,
          is_active_for_user: true,
          color: null,
          stopped_speed_threshold: THRESHOLDS[index],
        })),
      );
    });

    it('adds has_workouts for admins', async () => {
      await createManualWorkout(t, adminToken, { sport_id: 2 });
      const res = await request(t.http).get('/api/sports').set(bearer(adminToken)).expect(200);
      const sports = res.body.data.sports as { id: number; has_workouts: boolean }[];
      expect(sports.filter((sport) => sport.has_workouts).map((sport) => sport.id)).toEqual([2]);
      expect(sports[0]).toHaveProperty('has_workouts', false);
    });

    it('answers every change at once: a preference, an admin switch, a first workout', async () => {
      const other = firstPartyToken(t.app, await createUser(t.dataSource));
      const list = async (token: string): Promise<Record<string, unknown>[]> =>
        (await request(t.http).get('/api/sports').set(bearer(token)).expect(200)).body.data
          .sports as Record<string, unknown>[];
      const before = await list(userToken);
      expect(await list(other)).toEqual(before);
      await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 12, color: '#00ff00', stopped_speed_threshold: 0.7 })
        .expect(200);
      expect((await list(userToken))[11]).toMatchObject({
        color: '#00ff00',
        stopped_speed_threshold: 0.7,
      });
      expect(await list(other)).toEqual(before);
      await request(t.http)
        .patch('/api/sports/13')
        .set(bearer(adminToken))
        .send({ is_active: false })
        .expect(200);
      expect((await list(other))[12]).toMatchObject({
        is_active: false,
        is_active_for_user: false,
      });
      await request(t.http)
        .patch('/api/sports/13')
        .set(bearer(adminToken))
        .send({ is_active: true })
        .expect(200);
      expect(await list(other)).toEqual(before);
      expect((await list(adminToken))[13]).toHaveProperty('has_workouts', false);
      await createManualWorkout(t, userToken, { sport_id: 14 });
      expect((await list(adminToken))[13]).toHaveProperty('has_workouts', true);
      await request(t.http).delete('/api/auth/profile/reset/sports/12').set(bearer(userToken));
      expect(await list(userToken)).toEqual(before);
    });

    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).get('/api/sports'));
    });

    it('requires workouts:read for OAuth2 tokens', async () => {
      const writeOnly = await oauth2AccessToken(t.app, user, 'workouts:write');
      const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
      expectInsufficientScope(await request(t.http).get('/api/sports').set(bearer(writeOnly)));
      await request(t.http).get('/api/sports').set(bearer(readOnly)).expect(200);
    });
  });

  describe('GET /api/sports/<id>', () => {
    it('returns one sport', async () => {
      const res = await request(t.http).get('/api/sports/3').set(bearer(userToken)).expect(200);
      expect(res.body).toEqual({
        status: 'success',
        data: {
          sports: [
            {
              id: 3,
              label: 'Hiking',
              is_active: true,
              is_active_for_user: true,
              color: null,
              stopped_speed_threshold: 0.1,
            },
          ],
        },
      });
    });

    it.each(['99', 'abc', '0'])('answers data-not-found for %p', async (id) => {
      const res = await request(t.http).get(`/api/sports/${id}`).set(bearer(userToken));
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ status: 'not found', data: { sports: [] } });
    });
  });

  describe('PATCH /api/sports/<id>', () => {
    it('lets an admin disable and enable a sport', async () => {
      const res = await request(t.http)
        .patch('/api/sports/4')
        .set(bearer(adminToken))
        .send({ is_active: false })
        .expect(200);
      expect(res.body.data.sports[0]).toEqual({
        id: 4,
        label: 'Mountain Biking',
        is_active: false,
        is_active_for_user: false,
        color: null,
        stopped_speed_threshold: 1,
        has_workouts: false,
      });
      const seen = await request(t.http).get('/api/sports/4').set(bearer(userToken)).expect(200);
      expect(seen.body.data.sports[0].is_active).toBe(false);
      await request(t.http)
        .patch('/api/sports/4')
        .set(bearer(adminToken))
        .send({ is_active: true })
        .expect(200);
    });

    it('keeps a sport disabled by an admin inactive for a user who enables it', async () => {
      await request(t.http)
        .patch('/api/sports/5')
        .set(bearer(adminToken))
        .send({ is_active: false });
      await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 5, is_active: true })
        .expect(200);
      const res = await request(t.http).get('/api/sports/5').set(bearer(userToken)).expect(200);
      expect(res.body.data.sports[0]).toMatchObject({
        is_active: false,
        is_active_for_user: false,
      });
      await request(t.http)
        .patch('/api/sports/5')
        .set(bearer(adminToken))
        .send({ is_active: true });
    });

    it('is admin only', async () => {
      expectForbidden(
        await request(t.http)
          .patch('/api/sports/1')
          .set(bearer(userToken))
          .send({ is_active: false }),
      );
    });

    it('requires workouts:write for OAuth2 tokens', async () => {
      const readOnly = await oauth2AccessToken(t.app, admin, 'workouts:read');
      expectInsufficientScope(
        await request(t.http)
          .patch('/api/sports/1')
          .set(bearer(readOnly))
          .send({ is_active: false }),
      );
    });

    it.each([[undefined], [{}], [{ is_active: null }], [{ is_active: 'no' }]])(
      'answers invalid payload for %p',
      async (body) => {
        const req = request(t.http).patch('/api/sports/1').set(bearer(adminToken));
        expectInvalidPayload(await (body === undefined ? req : req.send(body)));
      },
    );

    it('answers data-not-found for an unknown sport', async () => {
      const res = await request(t.http)
        .patch('/api/sports/99')
        .set(bearer(adminToken))
        .send({ is_active: false });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ status: 'not found', data: { sports: [] } });
    });
  });

  describe('POST /api/auth/profile/edit/sports', () => {
    it('creates then updates a preference', async () => {
      const res = await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 3, color: '#ff7f00' })
        .expect(200);
      expect(res.body).toEqual({
        status: 'success',
        message: 'user sport preferences updated',
        data: {
          user_id: user.id,
          sport_id: 3,
          color: '#ff7f00',
          is_active: true,
          stopped_speed_threshold: 0.1,
        },
      });
      const second = await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 3, is_active: false, stopped_speed_threshold: 0.2, color: '' })
        .expect(200);
      expect(second.body.data).toEqual({
        user_id: user.id,
        sport_id: 3,
        color: '#ff7f00',
        is_active: false,
        stopped_speed_threshold: 0.2,
      });
      const sport = await request(t.http).get('/api/sports/3').set(bearer(userToken)).expect(200);
      expect(sport.body.data.sports[0]).toEqual({
        id: 3,
        label: 'Hiking',
        is_active: true,
        is_active_for_user: false,
        color: '#ff7f00',
        stopped_speed_threshold: 0.2,
      });
    });

    it('ignores a zero threshold', async () => {
      const res = await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 6, stopped_speed_threshold: 0 })
        .expect(200);
      expect(res.body.data.stopped_speed_threshold).toBe(0.1);
    });

    it('rejects an invalid colour', async () => {
      expectEnvelopeError(
        await request(t.http)
          .post('/api/auth/profile/edit/sports')
          .set(bearer(userToken))
          .send({ sport_id: 1, color: '#notahex' }),
        400,
        'error',
        'invalid hexadecimal color',
      );
    });

    it('answers 404 for an unknown sport', async () => {
      expectNotFound(
        await request(t.http)
          .post('/api/auth/profile/edit/sports')
          .set(bearer(userToken))
          .send({ sport_id: 999, color: '#000000' }),
        'sport does not exist',
      );
    });

    it.each([
      [undefined],
      [{}],
      [{ sport_id: 1 }],
      [{ color: '#000000' }],
      [{ sport_id: 1, is_active: 'x' }],
      [{ sport_id: 1, stopped_speed_threshold: -1 }],
    ])('answers invalid payload for %p', async (body) => {
      const req = request(t.http).post('/api/auth/profile/edit/sports').set(bearer(userToken));
      expectInvalidPayload(await (body === undefined ? req : req.send(body)));
    });

    it('requires profile:write for OAuth2 tokens', async () => {
      const withoutProfileWrite = await oauth2AccessToken(
        t.app,
        user,
        'workouts:write',
        'profile:read',
      );
      expectInsufficientScope(
        await request(t.http)
          .post('/api/auth/profile/edit/sports')
          .set(bearer(withoutProfileWrite))
          .send({ sport_id: 1, color: '#000000' }),
      );
    });
  });

  it('gives uploads the label and the threshold to use (preference first, docs/uploads.md#computed)', async () => {
    const sports = t.app.get(SportsService);
    const manager = t.dataSource.manager;
    const fresh = await createUser(t.dataSource);
    expect(await sports.getForUpload(manager, fresh.id, 3)).toEqual({
      label: 'Hiking',
      stoppedSpeedThreshold: 0.1,
    });
    await request(t.http)
      .post('/api/auth/profile/edit/sports')
      .set(bearer(firstPartyToken(t.app, fresh)))
      .send({ sport_id: 3, stopped_speed_threshold: 0.5 })
      .expect(200);
    expect(await sports.getForUpload(manager, fresh.id, 3)).toEqual({
      label: 'Hiking',
      stoppedSpeedThreshold: 0.5,
    });
    expect(await sports.getForUpload(manager, fresh.id, 99)).toBeUndefined();
  });

  describe('DELETE /api/auth/profile/reset/sports/<id>', () => {
    it('drops the preference (and succeeds when there is none)', async () => {
      await request(t.http)
        .post('/api/auth/profile/edit/sports')
        .set(bearer(userToken))
        .send({ sport_id: 7, color: '#123' })
        .expect(200);
      const res = await request(t.http)
        .delete('/api/auth/profile/reset/sports/7')
        .set(bearer(userToken))
        .expect(204);
      expect(res.text).toBe('');
      const sport = await request(t.http).get('/api/sports/7').set(bearer(userToken)).expect(200);
      expect(sport.body.data.sports[0].color).toBeNull();
      await request(t.http)
        .delete('/api/auth/profile/reset/sports/7')
        .set(bearer(userToken))
        .expect(204);
    });

    it('answers 404 for an unknown sport', async () => {
      expectNotFound(
        await request(t.http).delete('/api/auth/profile/reset/sports/999').set(bearer(userToken)),
        'sport does not exist',
      );
    });

    it('requires profile:write for OAuth2 tokens', async () => {
      const readOnly = await oauth2AccessToken(t.app, user, 'profile:read');
      expectInsufficientScope(
        await request(t.http).delete('/api/auth/profile/reset/sports/1').set(bearer(readOnly)),
      );
    });
  });
});
