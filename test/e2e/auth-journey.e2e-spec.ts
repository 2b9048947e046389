import { BullMqJobQueue } from 'src/common/jobs/bullmq-job-queue';
import { JOB_QUEUE, type JobQueue } from 'src/common/jobs/job-queue';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { getProfile, login, register } from 'test/helpers/auth-api';
import { multipart, PNG } from 'test/helpers/auth-multipart';
import { cleanupRedis, randomRedisPrefix, TEST_REDIS_URL } from 'test/helpers/auth-redis';
import { expectInvalidToken } from 'test/helpers/expect-envelope';
import { SmtpSink, tokenFromEmail } from 'test/helpers/smtp-sink';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const EMAIL = 'runner@example.com';

/** One new user's whole life with the account endpoints, emails read from a real SMTP sink. */
async function journey(t: TestApp, sink: SmtpSink): Promise<void> {
  await register(t.http, { username: 'runner', email: EMAIL, language: 'en' }).expect(200);
  const [confirmation] = await sink.waitFor(EMAIL);
  const confirmed = await request(t.http)
    .post('/api/auth/account/confirm')
    .send({ token: tokenFromEmail(confirmation!, '/account-confirmation') })
    .expect(200);
  expect((confirmed.body as { auth_token: string }).auth_token).toEqual(expect.any(String));

  let token = await login(t.http, EMAIL, '12345678');
  await request(t.http)
    .post('/api/auth/profile/edit')
    .set(bearer(token))
    .send({
      first_name: 'Run',
      last_name: 'Ner',
      bio: null,
      location: null,
      birth_date: '1990-05-06',
    })
    .expect(200);
  await request(t.http)
    .post('/api/auth/profile/edit/preferences')
    .set(bearer(token))
    .send({
      date_format: 'yyyy-MM-dd',
      display_ascent: true,
      imperial_units: false,
      language: 'fr',
      start_elevation_at_zero: true,
      timezone: 'Europe/Paris',
      use_dark_mode: true,
      use_raw_gpx_speed: false,
      weekm: true,
    })
    .expect(200);
  const picture = multipart('me.png', PNG);
  await request(t.http)
    .post('/api/auth/picture')
    .set(bearer(token))
    .set('Content-Type', picture.contentType)
    .send(picture.body)
    .expect(200);
  expect((await getProfile(t.http, token)).body).toMatchObject({
    data: { first_name: 'Run', language: 'fr', picture: true, weekm: true },
  });

  await request(t.http)
    .patch('/api/auth/profile/edit/account')
    .set(bearer(token))
    .send({ email: EMAIL, password: '12345678', new_password: 'second-password' })
    .expect(200);
  token = await login(t.http, EMAIL, 'second-password');

  await request(t.http).post('/api/auth/password/reset-request').send({ email: EMAIL }).expect(200);
  const emails = await sink.waitFor(EMAIL, 3);
  const reset = emails.find((email) => email.text.includes('/password-reset?token='));
  expect(reset?.subject).toBe('Réinitialisation du mot de passe');
  await request(t.http)
    .post('/api/auth/password/update')
    .send({ token: tokenFromEmail(reset!, '/password-reset'), password: 'third-password' })
    .expect(200);
  await expect(login(t.http, EMAIL, 'second-password')).rejects.toThrow('login failed');
  token = await login(t.http, EMAIL, 'third-password');

  await request(t.http).post('/api/auth/logout').set(bearer(token)).expect(200);
  expectInvalidToken(await getProfile(t.http, token));
}

describe('auth journey (issue 3 "done when")', () => {
  describe.each([
    ['in-process jobs', false],
    ['BullMQ jobs on Redis', true],
  ])('with %s', (_mode, useRedis) => {
    const sink = new SmtpSink();
    const prefix = randomRedisPrefix();
    let t: TestApp;

    beforeAll(async () => {
      const url = await sink.start();
      t = await createTestApp({
        EMAIL_URL: url,
        SENDER_EMAIL: 'noreply@example.org',
        ...(useRedis ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
      });
    });
    afterAll(async () => {
      await t.close();
      await sink.stop();
      if (useRedis) await cleanupRedis(prefix);
    });

    it('register → confirm → login → profile → picture → passwords → reset → logout', async () => {
      const queue = t.app.get<JobQueue>(JOB_QUEUE);
      expect(queue instanceof BullMqJobQueue).toBe(useRedis);
      await journey(t, sink);
    });
  });
});
