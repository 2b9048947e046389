import { JwtService } from '@nestjs/jwt';
import { compareSync } from 'bcrypt';
import { SCOPE } from 'src/auth/scopes';
import { type EmailMessage, MAILER, type Mailer } from 'src/common/email/mailer';
import { hashToken } from 'src/users/secrets';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInsufficientScope,
  expectInvalidPayload,
  expectInvalidToken,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { reloadUser } from 'test/helpers/users-fixtures';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('PATCH /api/users/<username> without email sending (as in FitTrackee)', () => {
  let t: TestApp;
  let admin: User;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { username: 'admin', admin: true });
    adminToken = firstPartyToken(t.app, admin);
    userToken = firstPartyToken(t.app, await createUser(t.dataSource, { username: 'sam' }));
  });
  afterAll(() => t.close());

  const patch = (name: string, body?: object, token = adminToken) => {
    const req = request(t.http).patch(`/api/users/${name}`).set(bearer(token));
    return body === undefined ? req : req.send(body);
  };
  const target = (seed: Parameters<typeof createUser>[1] = {}) => createUser(t.dataSource, seed);

  describe('access', () => {
    it('requires a token', async () => {
      expectUnauthorized(await request(t.http).patch('/api/users/sam').send({ admin: true }));
    });

    it('answers invalid_token for an invalid token', async () => {
      expectInvalidToken(await patch('sam', { admin: true }, 'invalid'));
    });

    it('is admin only', async () => {
      expectForbidden(await patch('admin', { admin: false }, userToken));
    });

    it('needs the users:write scope for OAuth2 tokens', async () => {
      const user = await target();
      const usersRead = await oauth2AccessToken(t.app, admin, SCOPE.USERS_READ);
      const usersWrite = await oauth2AccessToken(t.app, admin, SCOPE.USERS_WRITE);
      expectInsufficientScope(await patch(user.username, { activate: true }, usersRead));
      const res = await patch(user.username, { activate: true }, usersWrite);
      expect(res.status).toBe(200);
    });
  });

  it.each([[undefined], [{}], [[1]]])('answers invalid payload for body %p', async (body) => {
    expectInvalidPayload(await patch('sam', body));
  });

  it('answers 404 for an unknown user', async () => {
    expectNotFound(await patch('nobody', { admin: true }), 'user does not exist');
  });

  it('answers 404 before checking values', async () => {
    expectNotFound(await patch('nobody', { admin: '' }), 'user does not exist');
  });

  it('grants admin rights, activates the account and answers the admin view', async () => {
    const user = await target({ isActive: false });
    await t.dataSource.getRepository(User).update(user.id, { confirmationToken: 'pending' });
    const res = await patch(user.username, { admin: true }).expect(200);
    expect(res.body.status).toBe('success');
    expect(res.body.data.users).toHaveLength(1);
    expect(res.body.data.users[0]).toMatchObject({
      username: user.username,
      admin: true,
      is_active: true,
    });
    expect(res.body.data.users[0]).not.toHaveProperty('timezone');
    const stored = await reloadUser(t.dataSource, user.id);
    expect(stored).toMatchObject({ admin: true, isActive: true, confirmationToken: null });
  });

  it('removes admin rights without deactivating', async () => {
    const user = await target({ admin: true });
    const res = await patch(user.username, { admin: false }).expect(200);
    expect(res.body.data.users[0]).toMatchObject({ admin: false, is_active: true });
  });

  it('activates an inactive account', async () => {
    const user = await target({ isActive: false });
    const res = await patch(user.username, { activate: true }).expect(200);
    expect(res.body.data.users[0].is_active).toBe(true);
  });

  it('does not deactivate with activate: false', async () => {
    const user = await target();
    const res = await patch(user.username, { activate: false }).expect(200);
    expect(res.body.data.users[0].is_active).toBe(true);
    expect((await reloadUser(t.dataSource, user.id))?.isActive).toBe(true);
  });

  it('resets the password to an unknown random one', async () => {
    const user = await target();
    const res = await patch(user.username, { reset_password: true }).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/password"/);
    const stored = await reloadUser(t.dataSource, user.id);
    expect(stored?.password).not.toBe(user.password);
    expect(compareSync(DEFAULT_PASSWORD, stored?.password ?? '')).toBe(false);
  });

  it('replaces the email at once when email sending is disabled', async () => {
    const user = await target();
    const res = await patch(user.username, { new_email: 'new.address@example.org' }).expect(200);
    expect(res.body.data.users[0]).toMatchObject({
      email: 'new.address@example.org',
      email_to_confirm: null,
    });
  });

  it("answers invalid payload for another account's email (a 500 in the reference)", async () => {
    const user = await target();
    const other = await target();
    expectInvalidPayload(await patch(user.username, { new_email: other.email.toUpperCase() }));
    expect((await reloadUser(t.dataSource, user.id))?.email).toBe(user.email);
  });

  it.each([['not-an-email'], [''], [42]])(
    'answers valid email must be provided for new_email %p',
    async (newEmail) => {
      const user = await target({ isActive: false });
      const res = await patch(user.username, { activate: true, new_email: newEmail });
      expectEnvelopeError(res, 400, 'error', 'valid email must be provided');
      expect((await reloadUser(t.dataSource, user.id))?.isActive).toBe(false);
    },
  );

  it('refuses the current email, persisting nothing', async () => {
    const user = await target();
    const res = await patch(user.username, { admin: true, new_email: user.email });
    expectEnvelopeError(res, 400, 'error', 'new email must be different than current email');
    expect((await reloadUser(t.dataSource, user.id))?.admin).toBe(false);
  });

  it.each([[''], ['true'], [1]])(
    'answers invalid payload for admin %p (a 500 in the reference)',
    async (value) => {
      const user = await target();
      expectInvalidPayload(await patch(user.username, { admin: value }));
      expect((await reloadUser(t.dataSource, user.id))?.admin).toBe(false);
    },
  );

  it('ignores admin: null and unknown keys', async () => {
    const user = await target();
    const res = await patch(user.username, { admin: null, foo: 1 }).expect(200);
    expect(res.body.data.users[0].admin).toBe(false);
  });
});

describe('PATCH /api/users/<username> with email sending (as in FitTrackee, docs/compatibility.md#emails)', () => {
  let t: TestApp;
  let adminToken: string;
  let sent: EmailMessage[];

  beforeAll(async () => {
    t = await createTestApp({ EMAIL_URL: 'smtp://127.0.0.1:2525', SENDER_EMAIL: 'pk@example.com' });
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
  });
  beforeEach(() => {
    sent = [];
    jest.spyOn(t.app.get<Mailer>(MAILER), 'send').mockImplementation((message) => {
      sent.push(message);
      return Promise.resolve();
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const patch = (name: string, body: object) =>
    request(t.http).patch(`/api/users/${name}`).set(bearer(adminToken)).send(body);

  it('emails a password change and a one-hour reset link on reset_password', async () => {
    const user = await createUser(t.dataSource);
    await t.dataSource.getRepository(User).update(user.id, { language: 'fr' });
    await patch(user.username, { reset_password: true }).expect(200);
    expect(sent.map((m) => [m.template, m.to, m.language])).toEqual([
      ['password_change', user.email, 'fr'],
      ['password_reset_request', user.email, 'fr'],
    ]);
    const reset = sent[1]!;
    expect(reset.data).toMatchObject({
      username: user.username,
      fittrackee_url: 'http://localhost:5000',
      expiration_delay: 'an hour',
    });
    const match = /^http:\/\/localhost:5000\/password-reset\?token=(.+)$/.exec(
      reset.data['password_reset_url'] ?? '',
    );
    const payload = t.app
      .get(JwtService)
      .verify<{ sub: number; exp: number; iat: number }>(match![1]!);
    expect(payload.sub).toBe(user.id);
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it('keeps the new email to confirm and emails the new address a link', async () => {
    const user = await createUser(t.dataSource);
    const res = await patch(user.username, { new_email: 'next@example.org' }).expect(200);
    expect(res.body.data.users[0]).toMatchObject({
      email: user.email,
      email_to_confirm: 'next@example.org',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'next@example.org',
      template: 'email_update_to_new_email',
    });
    const token = /\/email-update\?token=([\w-]{40})$/.exec(
      sent[0]!.data['email_confirmation_url'] ?? '',
    )?.[1];
    expect(token).toBeDefined();
    const stored = await reloadUser(t.dataSource, user.id);
    expect(stored?.confirmationToken).toBe(hashToken(token!));
  });

  it('sends nothing for admin or activate changes', async () => {
    const user = await createUser(t.dataSource, { isActive: false });
    await patch(user.username, { admin: true, activate: true }).expect(200);
    expect(sent).toEqual([]);
  });
});

// Its own app: two live apps in one file would share passport's global strategies.
describe('PATCH /api/users/<username> by the only admin', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets the last admin remove their own rights (reference behaviour)', async () => {
    const only = await createUser(t.dataSource, { username: 'only', admin: true });
    const res = await request(t.http)
      .patch('/api/users/only')
      .set(bearer(firstPartyToken(t.app, only)))
      .send({ admin: false })
      .expect(200);
    expect(res.body.data.users[0]).toMatchObject({ admin: false, timezone: 'Europe/Paris' });
  });
});
