import { JwtService } from '@nestjs/jwt';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { getProfile, login, register } from 'test/helpers/auth-api';
import {
  expectEnvelopeError,
  expectInvalidPayload,
  expectInvalidToken,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import type { Repository } from 'typeorm';

/** What jest's fake timers leave real when a test only moves the clock (`Date`). */
const ALL_BUT_THE_CLOCK = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

describe('auth: register, login, logout (FitTrackee `POST /api/auth/register`, `POST /api/auth/login`, `POST /api/auth/logout`)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const users = (): Repository<User> => t.dataSource.getRepository(User);
  const findUser = (username: string): Promise<User | null> =>
    t.dataSource.getRepository(User).findOneBy({ username });

  describe('POST /api/auth/register', () => {
    it('creates an inactive account with defaults and a hashed confirmation token', async () => {
      const res = await register(t.http, {
        username: 'justin',
        email: 'justin@example.com',
        language: 'fr',
      });
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success' },
      });
      const user = await findUser('justin');
      expect(user).toMatchObject({
        isActive: false,
        admin: false,
        timezone: 'Europe/Paris',
        dateFormat: 'MM/dd/yyyy',
        language: 'fr',
      });
      expect(user?.acceptedPolicyDate).toBeInstanceOf(Date);
      expect(user?.confirmationToken).toMatch(/^[0-9a-f]{64}$/);
      expect(user?.password).toMatch(/^\$2[aby]\$04\$/);
    });

    it('normalises an unknown language to en', async () => {
      await register(t.http, { username: 'lang_x', email: 'lang_x@example.com', language: 'xx' });
      expect((await findUser('lang_x'))?.language).toBe('en');
    });

    it.each([
      ['username', { email: 'a@example.com', password: '12345678', accepted_policy: true }],
      ['email', { username: 'abc', password: '12345678', accepted_policy: true }],
      ['password', { username: 'abc', email: 'a@example.com', accepted_policy: true }],
      ['accepted_policy', { username: 'abc', email: 'a@example.com', password: '12345678' }],
      [
        'null username',
        { username: null, email: 'a@example.com', password: '12345678', accepted_policy: true },
      ],
    ])('answers invalid payload without %s', async (_name, body) => {
      expectInvalidPayload(await request(t.http).post('/api/auth/register').send(body));
    });

    it('answers invalid payload for an empty body', async () => {
      expectInvalidPayload(await request(t.http).post('/api/auth/register').send({}));
    });

    it.each([false, 'true', 1])('refuses accepted_policy %p', async (accepted) => {
      const res = await register(t.http, {
        username: 'policy',
        email: 'policy@example.com',
        accepted_policy: accepted,
      });
      expectEnvelopeError(res, 400, 'error', 'sorry, you must agree privacy policy to register');
    });

    it.each([
      ['a', 'username: 3 to 30 characters required\n'],
      ['a'.repeat(31), 'username: 3 to 30 characters required\n'],
      ['sam*', 'username: only alphanumeric characters and the underscore character "_" allowed\n'],
    ])('refuses username %p', async (username, message) => {
      expectEnvelopeError(
        await register(t.http, { username, email: 'u@example.com' }),
        400,
        'error',
        message,
      );
    });

    it('concatenates username, email and password errors in that order', async () => {
      const res = await register(t.http, { username: 'a', email: 'bad', password: '1234567' });
      expectEnvelopeError(
        res,
        400,
        'error',
        'username: 3 to 30 characters required\nemail: valid email must be provided\npassword: 8 characters required\n',
      );
    });

    it('refuses a username taken in another letter case', async () => {
      await createUser(t.dataSource, { username: 'Taken_Name' });
      const res = await register(t.http, { username: 'taken_name', email: 'other@example.com' });
      expectEnvelopeError(res, 400, 'error', 'sorry, that username is already taken');
    });

    it('answers success for an existing email and creates nothing', async () => {
      await createUser(t.dataSource, { username: 'existing', email: 'existing@example.com' });
      const before = await users().count();
      const res = await register(t.http, { username: 'newcomer', email: 'EXISTING@example.com' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success' });
      expect(await users().count()).toBe(before);
    });

    it('is refused when max_users is reached, then allowed again below the limit', async () => {
      const setMaxUsers = (value: number): Promise<unknown> =>
        t.dataSource.query('UPDATE app_config SET max_users = $1', [value]);
      const count = await users().count();
      await setMaxUsers(count);
      const refused = await request(t.http).post('/api/auth/register').send({});
      expectEnvelopeError(refused, 403, 'error', 'error, registration is disabled');
      await setMaxUsers(count + 1);
      const res = await register(t.http, { username: 'last_one', email: 'last@example.com' });
      expect(res.status).toBe(200);
      await setMaxUsers(0);
    });
  });

  describe('POST /api/auth/login', () => {
    let user: User;
    beforeAll(async () => {
      user = await createUser(t.dataSource, { username: 'loginuser', email: 'Login@Example.com' });
    });

    it('logs in with the email in another letter case', async () => {
      const res = await request(t.http)
        .post('/api/auth/login')
        .send({ email: 'login@example.COM', password: DEFAULT_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'success',
        message: 'successfully logged in',
        auth_token: expect.any(String) as unknown,
      });
      const token = (res.body as { auth_token: string }).auth_token;
      const claims = t.app.get(JwtService).decode<{ sub: number; exp: number; iat: number }>(token);
      expect(claims.sub).toBe(user.id);
      expect(claims.exp - claims.iat).toBe(30 * 86400);
    });

    it.each([
      ['a wrong password', { email: 'login@example.com', password: 'wrong-password' }],
      ['an unknown email', { email: 'nobody@example.com', password: DEFAULT_PASSWORD }],
      ['no password', { email: 'login@example.com' }],
      ['no email', { password: DEFAULT_PASSWORD }],
    ])('refuses %s', async (_name, body) => {
      expectEnvelopeError(
        await request(t.http).post('/api/auth/login').send(body),
        401,
        'error',
        'invalid credentials',
      );
    });

    it('ignores any Authorization header (public route)', async () => {
      const res = await request(t.http)
        .post('/api/auth/login')
        .set(bearer('invalid'))
        .send({ email: 'login@example.com', password: DEFAULT_PASSWORD });
      expect(res.status).toBe(200);
    });

    it('refuses an inactive account', async () => {
      await createUser(t.dataSource, { email: 'inactive@example.com', isActive: false });
      const res = await request(t.http)
        .post('/api/auth/login')
        .send({ email: 'inactive@example.com', password: DEFAULT_PASSWORD });
      expectEnvelopeError(res, 401, 'error', 'invalid credentials');
    });

    it.each([[undefined], [{}], [{ email: 1, password: DEFAULT_PASSWORD }]])(
      'answers invalid payload for %p',
      async (body) => {
        const req = request(t.http).post('/api/auth/login');
        expectInvalidPayload(await (body === undefined ? req : req.send(body)));
      },
    );
  });

  describe('POST /api/auth/logout', () => {
    it('blacklists the token, which is then refused everywhere', async () => {
      const user = await createUser(t.dataSource);
      const token = await login(t.http, user.email, DEFAULT_PASSWORD);
      expect((await getProfile(t.http, token)).status).toBe(200);
      const res = await request(t.http).post('/api/auth/logout').set(bearer(token));
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success', message: 'successfully logged out' },
      });
      expectInvalidToken(await getProfile(t.http, token));
      expectInvalidToken(await request(t.http).post('/api/auth/logout').set(bearer(token)));
      const rows = await t.dataSource.query<{ token_hash: string; expired_at: number }[]>(
        'SELECT token_hash, expired_at FROM blacklisted_tokens',
      );
      expect(rows.some((row) => row.token_hash === token)).toBe(false);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    });

    it('leaves other tokens of the user valid', async () => {
      const user = await createUser(t.dataSource);
      const first = firstPartyToken(t.app, user);
      const second = t.app.get(JwtService).sign({ sub: user.id }, { expiresIn: 120 });
      await request(t.http).post('/api/auth/logout').set(bearer(first)).expect(200);
      expect((await getProfile(t.http, second)).status).toBe(200);
    });

    it('gives two logins in the same second two tokens; logging one out keeps the other', async () => {
      const user = await createUser(t.dataSource);
      // Only the clock is frozen, so that both tokens have the same iat and exp.
      jest.useFakeTimers({
        now: Math.floor(Date.now() / 1000) * 1000 + 250,
        doNotFake: [...ALL_BUT_THE_CLOCK],
      });
      let tokens: string[];
      try {
        tokens = [
          await login(t.http, user.email, DEFAULT_PASSWORD),
          await login(t.http, user.email, DEFAULT_PASSWORD),
        ];
      } finally {
        jest.useRealTimers();
      }
      const [first = '', second = ''] = tokens;
      const claims = tokens.map((token) =>
        t.app.get(JwtService).decode<Record<string, unknown>>(token),
      );
      expect(claims[0]?.['iat']).toBe(claims[1]?.['iat']);
      expect(claims[0]?.['jti']).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      expect(first).not.toBe(second);
      await request(t.http).post('/api/auth/logout').set(bearer(first)).expect(200);
      expectInvalidToken(await getProfile(t.http, first));
      expect((await getProfile(t.http, second)).status).toBe(200);
    });

    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).post('/api/auth/logout'));
    });

    it('refuses an invalid token', async () => {
      expectInvalidToken(await request(t.http).post('/api/auth/logout').set(bearer('invalid')));
    });

    it('refuses an expired token', async () => {
      const user = await createUser(t.dataSource);
      const expired = t.app
        .get(JwtService)
        .sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) - 10 });
      expectInvalidToken(await request(t.http).post('/api/auth/logout').set(bearer(expired)));
    });

    it('refuses a token it accepted before, once it has expired', async () => {
      // The process remembers a token it verified; its expiry is checked on every request.
      const user = await createUser(t.dataSource);
      const now = Date.now();
      const token = t.app.get(JwtService).sign({ sub: user.id, exp: Math.floor(now / 1000) + 60 });
      expect((await getProfile(t.http, token)).status).toBe(200);
      jest.useFakeTimers({
        now: (Math.floor(now / 1000) + 60) * 1000,
        doNotFake: [...ALL_BUT_THE_CLOCK],
      });
      try {
        expectInvalidToken(await getProfile(t.http, token));
      } finally {
        jest.useRealTimers();
      }
      expect((await getProfile(t.http, token)).status).toBe(200);
    });

    it('refuses the token of an inactive user', async () => {
      const user = await createUser(t.dataSource, { isActive: false });
      const res = await request(t.http)
        .post('/api/auth/logout')
        .set(bearer(firstPartyToken(t.app, user)));
      expectUnauthorized(res);
    });
  });

  describe('with email sending disabled (FitTrackee `POST /api/auth/password/reset-request`, `POST /api/auth/account/resend-confirmation`)', () => {
    it.each(['/api/auth/password/reset-request', '/api/auth/account/resend-confirmation'])(
      '%s answers 404 before reading the body',
      async (path) => {
        for (const body of [{ email: 'someone@example.com' }, {}]) {
          const res = await request(t.http).post(path).send(body);
          expectEnvelopeError(
            res,
            404,
            'not found',
            'the requested URL was not found on the server',
          );
        }
      },
    );

    it('reports email sending as disabled', async () => {
      const res = await request(t.http).get('/api/config');
      expect((res.body as { data: Record<string, unknown> }).data['is_email_sending_enabled']).toBe(
        false,
      );
    });
  });
});
