import { JwtService } from '@nestjs/jwt';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { User } from 'src/users/user.entity';
import request, { type Response } from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { addressOf, ATTEMPTS, hammer, statusCounts } from 'test/helpers/credential-limits';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { SmtpSink } from 'test/helpers/smtp-sink';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** The per-route API_RATE_LIMITS are raised so that only the credential limits answer here. */
const ENV = { API_RATE_LIMITS: '100000 per minute' };
const ACCOUNT_LIMIT = 'rate limit exceeded (10 per 15 minute)';
const ADDRESS_LIMIT = 'rate limit exceeded (50 per 15 minute)';

function expectLimited(res: Response, message: string): void {
  expectEnvelopeError(res, 429, 'error', message);
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(900);
}

const login = (t: TestApp, email: string, password: string, from?: string): request.Test => {
  const req = request(t.http).post('/api/auth/login').send({ email, password });
  return from === undefined ? req : req.set('X-Forwarded-For', from);
};

describe('limits on password and reset checks of /api/auth (README "Limits")', () => {
  const sink = new SmtpSink();
  /** Behind a trusted proxy, so that each test can play clients at many addresses. */
  let t: TestApp;

  beforeAll(async () => {
    const emailUrl = await sink.start();
    t = await createTestApp({
      ...ENV,
      TRUST_PROXY: 'loopback',
      EMAIL_URL: emailUrl,
      SENDER_EMAIL: 'pacekeeper@example.com',
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('POST /api/auth/login: 400 wrong passwords for one account, 10 are checked', async () => {
    const victim = await createUser(t.dataSource);
    const answers = await hammer(ATTEMPTS, (i) =>
      login(t, victim.email.toUpperCase(), `wrong-${String(i)}`, addressOf(i)),
    );
    expect(statusCounts(answers)).toEqual({ 401: 10, 429: ATTEMPTS - 10 });
    expectLimited(answers.at(-1) as Response, ACCOUNT_LIMIT);
    // Locked before the check: the right password from a new address is refused too.
    expectLimited(await login(t, victim.email, DEFAULT_PASSWORD, '192.0.2.200'), ACCOUNT_LIMIT);
  });

  it('POST /api/auth/login: 400 wrong passwords from one address, 50 are checked', async () => {
    const answers = await hammer(ATTEMPTS, (i) =>
      login(t, `nobody-${String(i)}@example.com`, 'wrong-password', '192.0.2.10'),
    );
    expect(statusCounts(answers)).toEqual({ 401: 50, 429: ATTEMPTS - 50 });
    expectLimited(answers.at(-1) as Response, ADDRESS_LIMIT);
  });

  it('keeps letting the owner in from an address where the account signed in before', async () => {
    const owner = await createUser(t.dataSource);
    expect((await login(t, owner.email, DEFAULT_PASSWORD, '192.0.2.20')).status).toBe(200);
    await hammer(ATTEMPTS, (i) => login(t, owner.email, 'wrong-password', addressOf(i)));
    expect((await login(t, owner.email, DEFAULT_PASSWORD, '192.0.2.20')).status).toBe(200);
    expectLimited(await login(t, owner.email, DEFAULT_PASSWORD, '192.0.2.21'), ACCOUNT_LIMIT);
  });

  it('PATCH /api/auth/profile/edit/account: 400 wrong current passwords, 10 are checked', async () => {
    const user = await createUser(t.dataSource);
    const edit = (password: string): request.Test =>
      request(t.http)
        .patch('/api/auth/profile/edit/account')
        .set(bearer(firstPartyToken(t.app, user)))
        .set('X-Forwarded-For', '192.0.2.30')
        .send({ email: user.email, password, new_password: 'new-password-123' });
    const answers = await hammer(ATTEMPTS, (i) => edit(`wrong-${String(i)}`));
    expect(statusCounts(answers)).toEqual({ 401: 10, 429: ATTEMPTS - 10 });
    expectLimited(answers.at(-1) as Response, ACCOUNT_LIMIT);
    expectLimited(await edit(DEFAULT_PASSWORD), ACCOUNT_LIMIT);
    // The same account counter as the login's.
    expectLimited(await login(t, user.email, DEFAULT_PASSWORD, '192.0.2.31'), ACCOUNT_LIMIT);
  });

  describe('password reset', () => {
    let victim: User;
    beforeAll(async () => {
      victim = await createUser(t.dataSource);
    });

    it('POST /api/auth/password/reset-request: 400 requests for one email send 10 emails', async () => {
      sink.clear();
      const answers = await hammer(ATTEMPTS, (i) =>
        request(t.http)
          .post('/api/auth/password/reset-request')
          .set('X-Forwarded-For', addressOf(i))
          .send({ email: victim.email }),
      );
      expect(statusCounts(answers)).toEqual({ 200: 10, 429: ATTEMPTS - 10 });
      expectLimited(answers.at(-1) as Response, ACCOUNT_LIMIT);
      await sink.waitFor(victim.email, 10);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.emails.filter((email) => email.to.includes(victim.email))).toHaveLength(10);
    });

    it('POST /api/auth/password/update: 400 forged tokens for one user, 10 are checked', async () => {
      const update = (token: string, from: string): request.Test =>
        request(t.http)
          .post('/api/auth/password/update')
          .set('X-Forwarded-For', from)
          .send({ token, password: 'new-password-123' });
      const forger = new JwtService({ secret: 'not-the-secret-key' });
      const forged = (i: number): string =>
        forger.sign({ sub: victim.id, jti: String(i) }, { expiresIn: 600 });
      const answers = await hammer(ATTEMPTS, (i) => update(forged(i), addressOf(i)));
      expect(statusCounts(answers)).toEqual({ 401: 10, 429: ATTEMPTS - 10 });
      expectLimited(answers.at(-1) as Response, ACCOUNT_LIMIT);
      // The user's real link still works: only wrong tokens are refused.
      const real = t.app.get(AuthTokensService).issuePasswordResetToken(victim.id);
      const done = await update(real, '192.0.2.40');
      expect(done.status).toBe(200);
    });

    it('POST /api/auth/password/update: 400 bad tokens from one address, 50 are checked', async () => {
      const answers = await hammer(ATTEMPTS, (i) =>
        request(t.http)
          .post('/api/auth/password/update')
          .set('X-Forwarded-For', '192.0.2.41')
          .send({ token: `not-a-token-${String(i)}`, password: 'new-password-123' }),
      );
      expect(statusCounts(answers)).toEqual({ 401: 50, 429: ATTEMPTS - 50 });
      expectLimited(answers.at(-1) as Response, ADDRESS_LIMIT);
    });
  });
});

describe('client addresses and X-Forwarded-For', () => {
  it('ignores X-Forwarded-For by default: changing it does not escape the address limit', async () => {
    const t = await createTestApp(ENV);
    try {
      const answers = await hammer(ATTEMPTS, (i) =>
        login(t, `nobody-${String(i)}@example.com`, 'wrong-password', addressOf(i)),
      );
      expect(statusCounts(answers)).toEqual({ 401: 50, 429: ATTEMPTS - 50 });
    } finally {
      await t.close();
    }
  });

  it('honours it with TRUST_PROXY: each forwarded address has its own counter', async () => {
    const t = await createTestApp({ ...ENV, TRUST_PROXY: '1' });
    try {
      const answers = await hammer(ATTEMPTS, (i) =>
        login(t, `nobody-${String(i)}@example.com`, 'wrong-password', addressOf(i)),
      );
      expect(statusCounts(answers)).toEqual({ 401: ATTEMPTS });
    } finally {
      await t.close();
    }
  });
});

describe('limits shared through Redis', () => {
  const prefix = randomRedisPrefix();
  afterAll(() => cleanupRedis(prefix));

  it('counts the failures of every instance sharing REDIS_KEY_PREFIX', async () => {
    const env = { ...ENV, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    const [first, second] = [await createTestApp(env), await createTestApp(env)];
    try {
      const user = await createUser(first.dataSource, { email: 'shared@example.com' });
      await createUser(second.dataSource, { email: user.email });
      const answers = await hammer(10, () => login(first, user.email, 'wrong-password'));
      expect(statusCounts(answers)).toEqual({ 401: 10 });
      expectLimited(await login(second, user.email, 'wrong-password'), ACCOUNT_LIMIT);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('keeps the limits in memory while Redis is unreachable', async () => {
    const t = await createTestApp({
      ...ENV,
      REDIS_URL: 'redis://127.0.0.1:1',
      DISABLE_WORKER: '1',
    });
    try {
      const user = await createUser(t.dataSource);
      const answers = await hammer(ATTEMPTS, () => login(t, user.email, 'wrong-password'));
      expect(statusCounts(answers)).toEqual({ 401: 10, 429: ATTEMPTS - 10 });
    } finally {
      await t.close();
    }
  });
});
