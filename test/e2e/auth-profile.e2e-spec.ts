import { compareSync } from 'bcrypt';
import { SCOPE, type Scope } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { getProfile } from 'test/helpers/auth-api';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidPayload,
  expectInvalidToken,
  expectTooLong,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const PROFILE = {
  first_name: 'John',
  last_name: 'Doe',
  bio: 'Nothing to tell',
  location: 'Somewhere',
  birth_date: '1980-01-01',
};

const PREFERENCES = {
  date_format: 'dd/MM/yyyy',
  display_ascent: false,
  imperial_units: true,
  language: 'fr',
  start_elevation_at_zero: false,
  timezone: 'America/New_York',
  use_dark_mode: null,
  use_raw_gpx_speed: true,
  weekm: true,
};

type Method = 'get' | 'post' | 'patch' | 'delete';

/** Every profile route and its scope (docs/oauth2.md#scopes); FirstPartyOnly routes have none. */
const ROUTES: [Method, string, Scope | null][] = [
  ['get', '/api/auth/profile', SCOPE.PROFILE_READ],
  ['post', '/api/auth/profile/edit', SCOPE.PROFILE_WRITE],
  ['patch', '/api/auth/profile/edit/account', SCOPE.PROFILE_WRITE],
  ['post', '/api/auth/profile/edit/preferences', SCOPE.PROFILE_WRITE],
  ['post', '/api/auth/picture', SCOPE.PROFILE_WRITE],
  ['delete', '/api/auth/picture', SCOPE.PROFILE_WRITE],
  ['post', '/api/auth/logout', null],
  ['post', '/api/auth/account/privacy-policy', null],
];

describe('auth: profile, account, preferences (FitTrackee `/api/auth`, `POST /api/auth/account/privacy-policy`)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const reload = async (user: User): Promise<User> =>
    t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });

  describe.each(ROUTES)('%s %s', (method, path, scope) => {
    it('answers 401 without a token', async () => {
      expectUnauthorized(await request(t.http)[method](path));
    });

    it('answers invalid_token for an invalid token', async () => {
      expectInvalidToken(await request(t.http)[method](path).set(bearer('invalid')));
    });

    it('answers insufficient_scope to an OAuth2 token without the scope', async () => {
      const user = await createUser(t.dataSource);
      const others = Object.values(SCOPE).filter((s) => s !== scope);
      const token = await oauth2AccessToken(t.app, user, ...others);
      expectInsufficientScope(await request(t.http)[method](path).set(bearer(token)));
    });

    if (scope !== null) {
      it(`lets an OAuth2 token with ${scope} through`, async () => {
        const user = await createUser(t.dataSource);
        const token = await oauth2AccessToken(t.app, user, scope);
        const res = await request(t.http)[method](path).set(bearer(token));
        expect([401, 403]).not.toContain(res.status);
      });
    }
  });

  describe('GET /api/auth/profile', () => {
    it('returns the self serialization and nothing secret', async () => {
      const user = await createUser(t.dataSource, { username: 'self_view' });
      const res = await getProfile(t.http, firstPartyToken(t.app, user));
      expect(res.status).toBe(200);
      const body = res.body as { status: string; data: Record<string, unknown> };
      expect(body.status).toBe('success');
      expect(body.data).toMatchObject({
        username: 'self_view',
        email: user.email,
        accepted_privacy_policy: true,
        admin: false,
        is_active: true,
        picture: false,
        nb_workouts: 0,
        records: [],
        total_duration: '0:00:00',
        language: 'en',
        timezone: 'Europe/Paris',
      });
      for (const key of ['password', 'confirmation_token', 'id', 'accepted_policy_date'])
        expect(body.data).not.toHaveProperty(key);
    });

    it('answers 401 for an inactive user', async () => {
      const user = await createUser(t.dataSource, { isActive: false });
      expectUnauthorized(await getProfile(t.http, firstPartyToken(t.app, user)));
    });
  });

  describe('POST /api/auth/profile/edit', () => {
    it('updates the profile', async () => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit')
        .set(bearer(firstPartyToken(t.app, user)))
        .send(PROFILE);
      expect(res.status).toBe(200);
      const body = res.body as { message: string; data: Record<string, unknown> };
      expect(body).toMatchObject({ status: 'success', message: 'user profile updated' });
      expect(body.data).toMatchObject({
        first_name: 'John',
        last_name: 'Doe',
        bio: 'Nothing to tell',
        location: 'Somewhere',
        birth_date: 'Tue, 01 Jan 1980 00:00:00 GMT',
      });
    });

    it('clears values with null and an empty birth date', async () => {
      const user = await createUser(t.dataSource);
      const token = firstPartyToken(t.app, user);
      await request(t.http).post('/api/auth/profile/edit').set(bearer(token)).send(PROFILE);
      const res = await request(t.http)
        .post('/api/auth/profile/edit')
        .set(bearer(token))
        .send({ first_name: null, last_name: null, bio: null, location: null, birth_date: '' });
      expect((res.body as { data: Record<string, unknown> }).data).toMatchObject({
        first_name: null,
        birth_date: null,
      });
    });

    it.each([
      ['an empty body', {}],
      ['a missing key', { ...PROFILE, location: undefined }],
      ['an invalid date', { ...PROFILE, birth_date: '1980-02-31' }],
      ['a bad date format', { ...PROFILE, birth_date: '01/01/1980' }],
      ['a non-string bio', { ...PROFILE, bio: 3 }],
    ])('answers invalid payload for %s', async (_name, body) => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit')
        .set(bearer(firstPartyToken(t.app, user)))
        .send(body);
      expectInvalidPayload(res);
    });

    it.each([
      ['first_name', 80],
      ['last_name', 80],
      ['location', 80],
      ['bio', 200],
    ])('answers 400 naming %s when longer than its column (%i)', async (field, limit) => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ ...PROFILE, [field]: '😀'.repeat(limit + 1) });
      expectTooLong(res, field, limit);
      const fits = await request(t.http)
        .post('/api/auth/profile/edit')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ ...PROFILE, [field]: '😀'.repeat(limit) });
      expect(fits.status).toBe(200);
    });
  });

  describe('POST /api/auth/profile/edit/preferences', () => {
    it('updates the preferences', async () => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit/preferences')
        .set(bearer(firstPartyToken(t.app, user)))
        .send(PREFERENCES);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'success',
        message: 'user preferences updated',
        data: PREFERENCES,
      });
    });

    it('normalises an unknown language', async () => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit/preferences')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ ...PREFERENCES, language: 'klingon' });
      expect((res.body as { data: { language: string } }).data.language).toBe('en');
    });

    it.each([
      ['an empty body', {}],
      ['a missing key', { ...PREFERENCES, weekm: undefined }],
      ['null in a non-nullable boolean', { ...PREFERENCES, weekm: null }],
      ['a string boolean', { ...PREFERENCES, imperial_units: 'true' }],
    ])('answers invalid payload for %s', async (_name, body) => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/profile/edit/preferences')
        .set(bearer(firstPartyToken(t.app, user)))
        .send(body);
      expectInvalidPayload(res);
    });
  });

  describe('PATCH /api/auth/profile/edit/account (email sending disabled)', () => {
    const patch = (user: User, body?: object): request.Test => {
      const req = request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(firstPartyToken(t.app, user)));
      return body === undefined ? req : req.send(body);
    };

    it('answers invalid payload for an empty body', async () => {
      expectInvalidPayload(await patch(await createUser(t.dataSource), {}));
    });

    it('needs the email', async () => {
      const res = await patch(await createUser(t.dataSource), { password: DEFAULT_PASSWORD });
      expectEnvelopeError(res, 400, 'error', 'email is missing');
    });

    it('needs the current password', async () => {
      const user = await createUser(t.dataSource);
      expectEnvelopeError(
        await patch(user, { email: user.email }),
        400,
        'error',
        'current password is missing',
      );
    });

    it('refuses a wrong current password', async () => {
      const user = await createUser(t.dataSource);
      expectEnvelopeError(
        await patch(user, { email: user.email, password: 'wrong-password' }),
        401,
        'error',
        'invalid credentials',
      );
    });

    it('refuses a short new password', async () => {
      const user = await createUser(t.dataSource);
      const res = await patch(user, {
        email: user.email,
        password: DEFAULT_PASSWORD,
        new_password: '1234567',
      });
      expectEnvelopeError(res, 400, 'error', 'password: 8 characters required\n');
    });

    it('concatenates the email and password errors', async () => {
      const user = await createUser(t.dataSource);
      const res = await patch(user, {
        email: 'not-an-email',
        password: DEFAULT_PASSWORD,
        new_password: '1234567',
      });
      expectEnvelopeError(
        res,
        400,
        'error',
        'email: valid email must be provided\npassword: 8 characters required\n',
      );
      expect((await reload(user)).email).toBe(user.email);
    });

    it('changes the password', async () => {
      const user = await createUser(t.dataSource);
      const res = await patch(user, {
        email: user.email,
        password: DEFAULT_PASSWORD,
        new_password: 'new-password',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'success', message: 'user account updated' });
      expect(compareSync('new-password', (await reload(user)).password)).toBe(true);
    });

    it('changes the email at once when email sending is disabled', async () => {
      const user = await createUser(t.dataSource);
      const res = await patch(user, { email: 'changed@example.com', password: DEFAULT_PASSWORD });
      expect((res.body as { data: Record<string, unknown> }).data).toMatchObject({
        email: 'changed@example.com',
        email_to_confirm: null,
      });
    });

    it('refuses an email used by another account', async () => {
      const other = await createUser(t.dataSource);
      const user = await createUser(t.dataSource);
      expectInvalidPayload(await patch(user, { email: other.email, password: DEFAULT_PASSWORD }));
    });
  });

  describe('POST /api/auth/account/privacy-policy', () => {
    it('records the acceptance of the current policy', async () => {
      const user = await createUser(t.dataSource);
      await t.dataSource.query(
        `UPDATE app_config SET privacy_policy = 'p', privacy_policy_date = now()`,
      );
      const token = firstPartyToken(t.app, user);
      const before = await getProfile(t.http, token);
      expect(
        (before.body as { data: Record<string, unknown> }).data['accepted_privacy_policy'],
      ).toBe(false);
      const res = await request(t.http)
        .post('/api/auth/account/privacy-policy')
        .set(bearer(token))
        .send({ accepted_policy: true });
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success' },
      });
      const after = await getProfile(t.http, token);
      expect(
        (after.body as { data: Record<string, unknown> }).data['accepted_privacy_policy'],
      ).toBe(true);
      await t.dataSource.query(
        'UPDATE app_config SET privacy_policy = NULL, privacy_policy_date = NULL',
      );
    });

    it.each([
      [{}],
      [{ accepted_policy: false }],
      [{ accepted_policy: '' }],
      [{ accepted_policy: null }],
      [{ accepted_policy: 'foo' }],
    ])('answers invalid payload for %p', async (body) => {
      const user = await createUser(t.dataSource);
      const res = await request(t.http)
        .post('/api/auth/account/privacy-policy')
        .set(bearer(firstPartyToken(t.app, user)))
        .send(body);
      expectInvalidPayload(res);
    });
  });
});
