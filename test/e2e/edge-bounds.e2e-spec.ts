import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError, expectNotFound, expectTooLong } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createOAuth2Client } from 'test/helpers/oauth2-flow';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const DEFAULT_500 = 'error, please try again or contact the administrator';
const LONG = 'x'.repeat(10_000);
const LONG_EMAIL = `${LONG}@example.com`;

/**
 * Strings longer than their column and integers out of int4: a 400 (or FitTrackee's 404 for an
 * unknown id), never the 500 of the database refusing them. FitTrackee's own messages are kept
 * where it has one for the field.
 */
describe('edge: strings fit their columns, integers fit int4', () => {
  let t: TestApp;
  let token: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = firstPartyToken(t.app, await createUser(t.dataSource, { username: 'bounds_user' }));
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
    await createManualWorkout(t, token, {});
  });
  afterAll(() => t.close());

  it('derives the limits from entities that match the migrated columns', async () => {
    const columns: { table: string; column: string; length: number | null }[] =
      await t.dataSource.query(
        `SELECT table_name AS table, column_name AS column, character_maximum_length AS length
         FROM information_schema.columns WHERE table_schema = 'public'`,
      );
    const declared = t.dataSource.entityMetadatas.flatMap((entity) =>
      entity.columns
        .filter((column) => column.length !== '')
        .map((column) => [entity.tableName, column.databaseName, Number(column.length)] as const),
    );
    expect(declared.length).toBeGreaterThan(20);
    for (const [table, column, length] of declared)
      expect({ table, column, length }).toEqual(
        columns.find((row) => row.table === table && row.column === column) ?? { table, column },
      );
  });

  describe('strings longer than their column', () => {
    it('refuses a 10,000-character client_name, naming it', async () => {
      const res = await request(t.http)
        .post('/api/oauth/apps')
        .set(bearer(token))
        .send({
          client_name: LONG,
          client_uri: 'https://a.example',
          redirect_uris: ['https://a.example/cb'],
          scope: 'profile:read',
        });
      expectTooLong(res, 'client_name', 255);
    });

    it('answers FitTrackee’s messages at register for a huge email and username', async () => {
      const register = (body: object) =>
        request(t.http)
          .post('/api/auth/register')
          .send({ password: DEFAULT_PASSWORD, accepted_policy: true, ...body });
      expectEnvelopeError(
        await register({ username: 'someone', email: LONG_EMAIL }),
        400,
        'error',
        'email: valid email must be provided\n',
      );
      expectEnvelopeError(
        await register({ username: LONG, email: 'someone@example.com' }),
        400,
        'error',
        'username: 3 to 30 characters required\n',
      );
    });

    it('answers the email rule for a huge new email, from the user and from an admin', async () => {
      const account = await request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(token))
        .send({ email: LONG_EMAIL, password: DEFAULT_PASSWORD });
      expectEnvelopeError(account, 400, 'error', 'email: valid email must be provided\n');
      const admin = await request(t.http)
        .patch('/api/users/bounds_user')
        .set(bearer(adminToken))
        .send({ new_email: LONG_EMAIL });
      expectEnvelopeError(admin, 400, 'error', 'valid email must be provided');
    });

    it.each([
      ['/api/auth/profile/edit/preferences', 'timezone', 50],
      ['/api/auth/profile/edit/sports', 'color', 50],
    ])('refuses a long value on %s, naming %s', async (path, field, limit) => {
      const body =
        field === 'color'
          ? { sport_id: 1, color: '#'.repeat(limit + 1) }
          : {
              date_format: 'dd/MM/yyyy',
              display_ascent: true,
              imperial_units: false,
              language: 'en',
              start_elevation_at_zero: true,
              timezone: 'Europe/Paris'.padEnd(limit + 1, 'x'),
              use_dark_mode: null,
              use_raw_gpx_speed: false,
              weekm: false,
            };
      expectTooLong(await request(t.http).post(path).set(bearer(token)).send(body), field, limit);
    });

    it('refuses a long admin contact in the configuration', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ admin_contact: LONG_EMAIL });
      expectTooLong(res, 'admin_contact', 255);
    });

    it.each([
      ['/api/users?q=', 'q', true],
      ['/api/workouts?title=', 'title', false],
    ])('refuses a search filter longer than the column (%s)', async (path, field, isAdmin) => {
      const res = await request(t.http)
        .get(`${path}${'x'.repeat(256)}`)
        .set(bearer(isAdmin ? adminToken : token));
      expectTooLong(res, field, 255);
    });
  });

  describe('integers out of int4', () => {
    it.each([
      'sport_id=2147483648',
      'sport_id=-2147483649',
      'page=1e20',
      'page=2147483648',
      'per_page=99999999999',
      'page=1.5',
      'page=0x10',
    ])('GET /api/workouts?%s → 400 with the list’s message', async (query) => {
      const res = await request(t.http).get(`/api/workouts?${query}`).set(bearer(token));
      expectEnvelopeError(res, 400, 'error', DEFAULT_500);
    });

    it('answers an empty page for the last int4 page of 100, far beyond int4 rows', async () => {
      for (const query of ['', '&from=2020-01-01']) {
        const res = await request(t.http)
          .get(`/api/workouts?page=2147483647&per_page=100${query}`)
          .set(bearer(token));
        expect(res.status).toBe(200);
        expect(res.body.data.workouts).toEqual([]);
        expect(res.body.pagination).toMatchObject({ page: 2147483647, has_next: false });
      }
    });

    it('accepts -0 as page 1, as int() does', async () => {
      const res = await request(t.http).get('/api/workouts?page=-0').set(bearer(token));
      expect(res.status).toBe(200);
      expect(res.body.pagination.page).toBe(1);
    });

    it.each(['by_sport', 'by_time'])(
      'GET /api/stats/<user>/%s?sport_id=2147483648 → 400',
      async (kind) => {
        const res = await request(t.http)
          .get(`/api/stats/bounds_user/${kind}?sport_id=2147483648`)
          .set(bearer(token));
        expectEnvelopeError(res, 400, 'error', DEFAULT_500);
      },
    );

    it.each(['page=2147483648', 'per_page=-2147483649'])(
      'GET /api/users?%s → 400 naming it',
      async (query) => {
        const res = await request(t.http).get(`/api/users?${query}`).set(bearer(adminToken));
        expectEnvelopeError(
          res,
          400,
          'error',
          `${query.split('=')[0] ?? ''}: integer out of range`,
        );
      },
    );

    it.each(['2147483648', '99999999999999999999', '-0', '1.5', '0x10'])(
      'answers FitTrackee’s 404 for sport id %s',
      async (id) => {
        const res = await request(t.http).get(`/api/sports/${id}`).set(bearer(token));
        expect({ status: res.status, body: res.body }).toEqual({
          status: 404,
          body: { status: 'not found', data: { sports: [] } },
        });
      },
    );

    it.each(['2147483648', '1e20'])('answers 404 for OAuth2 client id %s', async (id) => {
      await createOAuth2Client(t, token);
      expectNotFound(
        await request(t.http).get(`/api/oauth/apps/${id}/by_id`).set(bearer(token)),
        'OAuth2 client not found',
      );
    });

    it.each(['2'.repeat(23), 'z'.repeat(100), 'Il0O1lIl0O1lIl0O1lIl0O', '..%2F..%2Fetc'])(
      'answers FitTrackee’s 404 for workout id %s',
      async (id) => {
        const res = await request(t.http).get(`/api/workouts/${id}`).set(bearer(token));
        expect({ status: res.status, body: res.body }).toEqual({
          status: 404,
          body: { status: 'not found', data: { workouts: [] } },
        });
      },
    );
  });
});
