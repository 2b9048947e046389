import { JwtService } from '@nestjs/jwt';
import { compareSync } from 'bcrypt';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { getProfile, login, register } from 'test/helpers/auth-api';
import { expectEnvelopeError, expectInvalidPayload } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { SmtpSink, tokenFromEmail } from 'test/helpers/smtp-sink';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const SENDER = 'pacekeeper@example.org';
const UI_URL = 'https://ui.example.org';
const INVALID_RESET_TOKEN = 'invalid token, please request a new token';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

describe('auth: emails through a real SMTP server (docs/compatibility.md#emails, FitTrackee `/api/auth`)', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    const url = await sink.start();
    t = await createTestApp({ EMAIL_URL: url, SENDER_EMAIL: SENDER, UI_URL });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.clear();
  });

  const reload = (user: User): Promise<User> =>
    t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });

  it('reports email sending as enabled', async () => {
    const res = await request(t.http).get('/api/config');
    expect((res.body as { data: Record<string, unknown> }).data['is_email_sending_enabled']).toBe(
      true,
    );
  });

  describe('account confirmation', () => {
    it('emails a confirmation link whose token activates the account and logs in', async () => {
      await register(t.http, { username: 'confirm_me', email: 'confirm@example.com' })
        .set('User-Agent', FIREFOX)
        .expect(200);
      const [email] = await sink.waitFor('confirm@example.com');
      expect(email?.from).toBe(SENDER);
      expect(email?.subject).toBe('Confirm your account');
      expect(email?.text).toContain('Hi confirm_me,');
      expect(email?.text).toContain('Linux, Firefox');
      expect(email?.html).toContain(`${UI_URL}/account-confirmation?token=`);
      const token = tokenFromEmail(email!, '/account-confirmation');
      const stored = await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ username: 'confirm_me' });
      expect(stored.confirmationToken).not.toBe(token);
      expect(stored.confirmationToken).toMatch(/^[0-9a-f]{64}$/);

      const res = await request(t.http).post('/api/auth/account/confirm').send({ token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'success',
        message: 'account confirmation successful',
        auth_token: expect.any(String) as unknown,
      });
      const authToken = (res.body as { auth_token: string }).auth_token;
      expect((await getProfile(t.http, authToken)).body).toMatchObject({
        data: { username: 'confirm_me', is_active: true },
      });
      expect((await reload(stored)).confirmationToken).toBeNull();
      expectInvalidPayload(await request(t.http).post('/api/auth/account/confirm').send({ token }));
    });

    it('writes in the user language', async () => {
      await register(t.http, {
        username: 'francois',
        email: 'francois@example.com',
        language: 'fr',
      });
      const [email] = await sink.waitFor('francois@example.com');
      expect(email?.subject).toBe('Confirmez votre compte');
      expect(email?.text).toContain('Bonjour francois,');
    });

    it('sends nothing when the email already exists', async () => {
      const user = await createUser(t.dataSource, { email: 'known@example.com' });
      await register(t.http, { username: 'someone_else', email: user.email }).expect(200);
      await settle();
      expect(sink.emails).toHaveLength(0);
    });

    it.each([[{}], [{ token: '' }], [{ token: 'unknown' }], [{ token: 5 }]])(
      'confirm answers invalid payload for %p',
      async (body) => {
        expectInvalidPayload(await request(t.http).post('/api/auth/account/confirm').send(body));
      },
    );
  });

  describe('POST /api/auth/account/resend-confirmation', () => {
    it('sends a new token to an inactive account; the old one stops working', async () => {
      await register(t.http, { username: 'resend_me', email: 'resend@example.com' });
      const [first] = await sink.waitFor('resend@example.com');
      const oldToken = tokenFromEmail(first!, '/account-confirmation');
      const res = await request(t.http)
        .post('/api/auth/account/resend-confirmation')
        .send({ email: 'resend@example.com' });
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success', message: 'confirmation email resent' },
      });
      const emails = await sink.waitFor('resend@example.com', 2);
      const newToken = tokenFromEmail(emails[1]!, '/account-confirmation');
      expect(newToken).not.toBe(oldToken);
      expectInvalidPayload(
        await request(t.http).post('/api/auth/account/confirm').send({ token: oldToken }),
      );
      await request(t.http).post('/api/auth/account/confirm').send({ token: newToken }).expect(200);
    });

    it.each([
      ['an active account', 'active@example.com', 'active@example.com'],
      ['another letter case', 'Case@example.com', 'case@example.com'],
      ['an unknown email', 'nobody@example.com', 'other@example.com'],
    ])('answers success and sends nothing for %s', async (_name, stored, asked) => {
      if (stored !== 'nobody@example.com')
        await createUser(t.dataSource, { email: stored, isActive: stored.startsWith('active') });
      const res = await request(t.http)
        .post('/api/auth/account/resend-confirmation')
        .send({ email: asked });
      expect(res.status).toBe(200);
      await settle();
      expect(sink.emails).toHaveLength(0);
    });

    it('answers invalid payload without email', async () => {
      expectInvalidPayload(
        await request(t.http).post('/api/auth/account/resend-confirmation').send({}),
      );
    });
  });

  describe('password reset', () => {
    it('emails a reset link whose token sets a new password', async () => {
      const user = await createUser(t.dataSource, { email: 'forgot@example.com' });
      const res = await request(t.http)
        .post('/api/auth/password/reset-request')
        .send({ email: 'forgot@example.com' });
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success', message: 'password reset request processed' },
      });
      const [email] = await sink.waitFor('forgot@example.com');
      expect(email?.subject).toBe('Password reset request');
      expect(email?.text).toContain('expires in an hour');
      const token = tokenFromEmail(email!, '/password-reset');
      const claims = t.app.get(JwtService).decode<{ exp: number; iat: number }>(token);
      expect(claims.exp - claims.iat).toBe(3600);

      const update = await request(t.http)
        .post('/api/auth/password/update')
        .send({ token, password: 'brand-new-password' });
      expect({ code: update.status, body: update.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success', message: 'password updated' },
      });
      expect(compareSync('brand-new-password', (await reload(user)).password)).toBe(true);
      await login(t.http, user.email, 'brand-new-password');
      const changed = await sink.waitFor('forgot@example.com', 2);
      expect(changed[1]?.subject).toBe('Password changed');
    });

    it('answers success and sends nothing for an unknown email or another letter case', async () => {
      await createUser(t.dataSource, { email: 'exact@example.com' });
      for (const email of ['unknown@example.com', 'EXACT@example.com'])
        await request(t.http).post('/api/auth/password/reset-request').send({ email }).expect(200);
      await settle();
      expect(sink.emails).toHaveLength(0);
    });

    it('reset-request answers invalid payload without email', async () => {
      expectInvalidPayload(await request(t.http).post('/api/auth/password/reset-request').send({}));
    });

    it.each([[{}], [{ token: 'x' }], [{ password: '12345678' }]])(
      'password/update answers invalid payload for %p',
      async (body) => {
        expectInvalidPayload(await request(t.http).post('/api/auth/password/update').send(body));
      },
    );

    it('refuses a malformed token', async () => {
      const res = await request(t.http)
        .post('/api/auth/password/update')
        .send({ token: 'not-a-jwt', password: '12345678' });
      expectEnvelopeError(res, 401, 'error', INVALID_RESET_TOKEN);
    });

    it('refuses an expired token', async () => {
      const user = await createUser(t.dataSource);
      const expired = t.app
        .get(JwtService)
        .sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) - 1 });
      const res = await request(t.http)
        .post('/api/auth/password/update')
        .send({ token: expired, password: '12345678' });
      expectEnvelopeError(res, 401, 'error', INVALID_RESET_TOKEN);
    });

    it('checks the token before the password, then the password', async () => {
      const user = await createUser(t.dataSource);
      const token = t.app.get(JwtService).sign({ sub: user.id }, { expiresIn: 3600 });
      const res = await request(t.http)
        .post('/api/auth/password/update')
        .send({ token, password: '1234567' });
      expectEnvelopeError(res, 400, 'error', 'password: 8 characters required\n');
    });

    it('refuses the token of a deleted user', async () => {
      const token = t.app.get(JwtService).sign({ sub: 999999 }, { expiresIn: 3600 });
      const res = await request(t.http)
        .post('/api/auth/password/update')
        .send({ token, password: '12345678' });
      expectEnvelopeError(res, 401, 'error', INVALID_RESET_TOKEN);
    });
  });

  describe('email change', () => {
    it('keeps the new address pending until its emailed token is confirmed', async () => {
      const user = await createUser(t.dataSource, { email: 'old@example.com' });
      const res = await request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ email: 'new@example.com', password: DEFAULT_PASSWORD });
      expect(res.status).toBe(200);
      expect((res.body as { data: Record<string, unknown> }).data).toMatchObject({
        email: 'old@example.com',
        email_to_confirm: 'new@example.com',
      });
      const [toOld] = await sink.waitFor('old@example.com');
      expect(toOld?.subject).toBe('Email address change request');
      expect(toOld?.text).toContain('new@example.com');
      const [toNew] = await sink.waitFor('new@example.com');
      const token = tokenFromEmail(toNew!, '/email-update');

      const update = await request(t.http).post('/api/auth/email/update').send({ token });
      expect({ code: update.status, body: update.body as unknown }).toEqual({
        code: 200,
        body: { status: 'success', message: 'email updated' },
      });
      expect(await reload(user)).toMatchObject({
        email: 'new@example.com',
        emailToConfirm: null,
        confirmationToken: null,
      });
      expectInvalidPayload(await request(t.http).post('/api/auth/email/update').send({ token }));
    });

    it('sends the password change email', async () => {
      const user = await createUser(t.dataSource, { email: 'pwchange@example.com' });
      await request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(firstPartyToken(t.app, user)))
        .send({ email: user.email, password: DEFAULT_PASSWORD, new_password: 'other-password' })
        .expect(200);
      const [email] = await sink.waitFor('pwchange@example.com');
      expect(email?.subject).toBe('Password changed');
    });

    it.each([[{}], [{ token: '' }], [{ token: 'unknown' }]])(
      'email/update answers invalid payload for %p',
      async (body) => {
        expectInvalidPayload(await request(t.http).post('/api/auth/email/update').send(body));
      },
    );
  });
});
