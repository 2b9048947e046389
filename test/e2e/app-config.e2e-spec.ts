import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInvalidPayload,
  expectInvalidToken,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('app-config (FitTrackee /api/config, /api/ping)', () => {
  let t: TestApp;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
    userToken = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(() => t.close());

  it('GET /api/ping answers pong', async () => {
    const res = await request(t.http).get('/api/ping').expect(200);
    expect(res.body).toEqual({ status: 'success', message: 'pong!' });
  });

  it('GET /api/config returns the initial configuration', async () => {
    const res = await request(t.http).get('/api/config').set(bearer('ignored')).expect(200);
    expect(res.body).toEqual({
      status: 'success',
      data: {
        about: null,
        admin_contact: null,
        gpx_limit_import: 10,
        is_email_sending_enabled: false,
        is_registration_enabled: true,
        map_attribution:
          '&copy; <a href="http://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors',
        max_single_file_size: 1048576,
        max_users: 0,
        max_zip_file_size: 10485760,
        privacy_policy: null,
        privacy_policy_date: null,
        version: '0.7.32',
        weather_provider: null,
      },
    });
  });

  describe('PATCH /api/config', () => {
    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).patch('/api/config').send({ max_users: 2 }));
    });

    it('refuses an invalid token with the OAuth2 body', async () => {
      expectInvalidToken(
        await request(t.http).patch('/api/config').set(bearer('invalid')).send({ max_users: 2 }),
      );
    });

    it('is admin only', async () => {
      expectForbidden(
        await request(t.http).patch('/api/config').set(bearer(userToken)).send({ max_users: 2 }),
      );
    });

    it.each([[undefined], [{}], [[1, 2]]])('answers invalid payload for body %p', async (body) => {
      const req = request(t.http).patch('/api/config').set(bearer(adminToken));
      expectInvalidPayload(await (body === undefined ? req : req.send(body)));
    });

    it('answers invalid payload for a non-numeric size', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ max_single_file_size: 'big' });
      expectInvalidPayload(res);
    });

    it('lists every value error, as a list', async () => {
      const res = await request(t.http).patch('/api/config').set(bearer(adminToken)).send({
        gpx_limit_import: 0,
        max_single_file_size: -1,
        max_zip_file_size: 0,
        admin_contact: 'not-an-email',
      });
      expectEnvelopeError(res, 400, 'error', [
        'Max. files in a zip archive must be greater than 0',
        'Max. size of uploaded files must be greater than 0',
        'Max. size of zip archive must be greater than 0',
        'valid email must be provided for admin contact',
      ]);
    });

    it('refuses a zip limit below the single file limit and saves nothing', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ max_single_file_size: 2000, max_zip_file_size: 1000, max_users: 7 });
      expectEnvelopeError(
        res,
        400,
        'error',
        'Max. size of zip archive must be equal or greater than max. size of uploaded files',
      );
      const after = await request(t.http).get('/api/config').expect(200);
      expect(after.body.data).toMatchObject({ max_single_file_size: 1048576, max_users: 0 });
    });

    it('updates values, sets the privacy policy date and keeps registration derived', async () => {
      const res = await request(t.http).patch('/api/config').set(bearer(adminToken)).send({
        gpx_limit_import: 20,
        max_users: 2,
        admin_contact: 'admin@example.org',
        about: 'A small instance',
        privacy_policy: 'Be nice',
        is_registration_enabled: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('success');
      expect(res.body.data).toMatchObject({
        gpx_limit_import: 20,
        max_users: 2,
        admin_contact: 'admin@example.org',
        about: 'A small instance',
        privacy_policy: 'Be nice',
        is_registration_enabled: false,
      });
      expect(res.body.data.privacy_policy_date).toMatch(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
    });

    it('clears optional texts with empty values', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ admin_contact: '', about: '', privacy_policy: '', max_users: 0 });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        admin_contact: null,
        about: null,
        privacy_policy: null,
        privacy_policy_date: null,
        is_registration_enabled: true,
      });
    });
  });
});
