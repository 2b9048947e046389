import { existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SCOPE } from 'src/auth/scopes';
import { type EmailMessage, MAILER, type Mailer } from 'src/common/email/mailer';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import { UserDataExport } from 'src/users/export/user-data-export.entity';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidToken,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { giveAvatar, TINY_PNG, writeUpload } from 'test/helpers/users-fixtures';
import { binaryParser, bodyBuffer, readZipEntries } from 'test/helpers/users-zip';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const ARCHIVE_NAME = /^archive_[\w-]{20}\.zip$/;
const HTTP_DATE = /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const FILE_NOT_FOUND = { status: 'not found', data: { archive: [] }, message: 'file not found' };

describe('data export (FitTrackee `POST /api/auth/account/export/request`, `GET /api/auth/account/export`, `GET /api/auth/account/export/<file_name>`)', () => {
  let t: TestApp;
  let jobs: InProcessJobQueue;

  beforeAll(async () => {
    t = await createTestApp();
    jobs = t.app.get(InProcessJobQueue);
  });
  afterAll(() => t.close());

  const requests = () => t.dataSource.getRepository(UserDataExport);
  const post = (token: string) =>
    request(t.http).post('/api/auth/account/export/request').set(bearer(token));
  const status = (token: string) =>
    request(t.http).get('/api/auth/account/export').set(bearer(token));
  const download = (token: string, name: string) =>
    request(t.http)
      .get(`/api/auth/account/export/${name}`)
      .set(bearer(token))
      .buffer(true)
      .parse(binaryParser);
  const newUser = async (seed: Parameters<typeof createUser>[1] = {}) => {
    const user = await createUser(t.dataSource, seed);
    return { user, token: firstPartyToken(t.app, user) };
  };

  describe('access', () => {
    it.each([
      ['POST', '/api/auth/account/export/request'],
      ['GET', '/api/auth/account/export'],
      ['GET', '/api/auth/account/export/archive.zip'],
    ])('%s %s requires a first-party token', async (method, path) => {
      const { user } = await newUser();
      const call = () =>
        method === 'POST' ? request(t.http).post(path) : request(t.http).get(path);
      expectUnauthorized(await call());
      expectInvalidToken(await call().set(bearer('invalid')));
      const allScopes = await oauth2AccessToken(t.app, user, ...Object.values(SCOPE));
      expectInsufficientScope(await call().set(bearer(allScopes)));
    });
  });

  it('answers a null request before any export', async () => {
    const { token } = await newUser();
    expect((await status(token).expect(200)).body).toEqual({ status: 'success', request: null });
  });

  it('builds a real archive: request → job → status → download', async () => {
    const { user, token } = await newUser({ username: 'exporter' });
    await t.dataSource.getRepository(User).update(user.id, {
      firstName: 'Ex',
      birthDate: new Date('1980-01-02T00:00:00Z'),
    });
    await giveAvatar(t.dataSource, t.config, user, 'avatar.png');
    writeUpload(t.config, `workouts/${user.id}/run.gpx`, '<gpx>run</gpx>');
    writeUpload(t.config, `workouts/${user.id}/run.png`, 'map image');
    writeFileSync(join(t.config.app.dataDir, 'outside.gpx'), 'secret');
    symlinkSync(
      join(t.config.app.dataDir, 'outside.gpx'),
      join(t.config.app.uploadFolder, `workouts/${user.id}/link.gpx`),
    );

    const res = await post(token).expect(200);
    expect(res.body).toEqual({
      status: 'success',
      request: {
        created_at: expect.stringMatching(HTTP_DATE),
        status: 'in_progress',
        file_name: null,
        file_size: null,
      },
    });
    await jobs.drain();

    const done = (await status(token).expect(200)).body;
    expect(done.status).toBe('success');
    expect(done.request).toMatchObject({
      status: 'successful',
      created_at: res.body.request.created_at,
    });
    expect(done.request.file_name).toMatch(ARCHIVE_NAME);
    const path = join(
      t.config.app.uploadFolder,
      'exports',
      String(user.id),
      done.request.file_name,
    );
    expect(done.request.file_size).toBe(statSync(path).size);

    const file = await download(token, done.request.file_name).expect(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${done.request.file_name}"`,
    );
    const entries = await readZipEntries(bodyBuffer(file));
    expect([...entries.keys()].sort()).toEqual([
      'avatar.png',
      'gpx/run.gpx',
      'user_data.json',
      'user_workouts_data.json',
    ]);
    expect(Buffer.compare(entries.get('avatar.png')!, TINY_PNG)).toBe(0);
    expect(entries.get('gpx/run.gpx')!.toString()).toBe('<gpx>run</gpx>');
    expect(JSON.parse(entries.get('user_workouts_data.json')!.toString())).toEqual([]);
    const userData = JSON.parse(entries.get('user_data.json')!.toString());
    expect(userData).toMatchObject({
      username: 'exporter',
      first_name: 'Ex',
      birth_date: '1980-01-02 00:00:00',
      picture: true,
      timezone: 'Europe/Paris',
      total_duration: '0:00:00',
    });
    expect(userData.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/);
    expect(userData).not.toHaveProperty('password');
    expect(entries.get('user_data.json')!.toString()).toContain('\n    "admin": false');
  });

  it('exports the workouts with Python date-times and sport labels', async () => {
    const { token } = await newUser();
    await request(t.http)
      .post('/api/workouts/no_gpx')
      .set(bearer(token))
      .send({ sport_id: 1, duration: 3600, distance: 10, workout_date: '2023-04-01 07:30' })
      .expect(201);
    await post(token).expect(200);
    await jobs.drain();
    const done = (await status(token).expect(200)).body;
    const file = await download(token, done.request.file_name).expect(200);
    const entries = await readZipEntries(bodyBuffer(file));
    const workouts = JSON.parse(entries.get('user_workouts_data.json')!.toString());
    expect(workouts).toHaveLength(1);
    expect(workouts[0]).toMatchObject({
      sport_id: 1,
      sport_label: 'Cycling (Sport)',
      distance: 10,
      duration: '1:00:00',
      gpx: null,
      workout_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      creation_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/),
    });
    for (const key of ['next_workout', 'previous_workout', 'bounds', 'user', 'map', 'with_gpx'])
      expect(workouts[0]).not.toHaveProperty(key);
  });

  it('refuses a new request while one is in progress', async () => {
    const { user, token } = await newUser();
    await requests().save({ userId: user.id, createdAt: new Date(), completed: false });
    expectEnvelopeError(await post(token), 400, 'error', 'ongoing request exists');
  });

  it('refuses a new request while a completed one is younger than 24 h', async () => {
    const { user, token } = await newUser();
    const createdAt = new Date(Date.now() - 23 * 3600 * 1000);
    await requests().save({ userId: user.id, createdAt, completed: true, fileName: null });
    expectEnvelopeError(await post(token), 400, 'error', 'completed request already exists');
  });

  it('replaces an expired completed request and deletes its archive', async () => {
    const { user, token } = await newUser();
    const old = writeUpload(t.config, `exports/${user.id}/archive_old.zip`, 'old');
    const createdAt = new Date(Date.now() - 25 * 3600 * 1000);
    await requests().save({
      userId: user.id,
      createdAt,
      completed: true,
      fileName: 'archive_old.zip',
      fileSize: 3,
    });
    const res = await post(token).expect(200);
    expect(res.body.request.status).toBe('in_progress');
    expect(existsSync(old)).toBe(false);
    await jobs.drain();
    expect(await requests().countBy({ userId: user.id })).toBe(1);
  });

  it('marks the request errored when the archive cannot be written', async () => {
    const { user, token } = await newUser();
    writeUpload(t.config, 'exports/.keep', '');
    writeFileSync(join(t.config.app.uploadFolder, 'exports', String(user.id)), 'not a folder');
    await post(token).expect(200);
    await jobs.drain();
    expect((await status(token)).body.request).toMatchObject({
      status: 'errored',
      file_name: null,
      file_size: null,
    });
  });

  describe('download', () => {
    let owner: { user: User; token: string };
    let fileName: string;

    beforeAll(async () => {
      owner = await newUser();
      await post(owner.token).expect(200);
      await jobs.drain();
      fileName = (await status(owner.token)).body.request.file_name;
    });

    it('keeps the archive out of every cache, the browser’s included', async () => {
      const res = await download(owner.token, fileName).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it.each(['archive_wrong.zip', '..%2F..%2Fsecret', '%2e%2e'])(
      'answers file not found for %s',
      async (name) => {
        const res = await request(t.http)
          .get(`/api/auth/account/export/${name}`)
          .set(bearer(owner.token));
        expect({ code: res.status, body: res.body }).toEqual({ code: 404, body: FILE_NOT_FOUND });
      },
    );

    it("answers file not found for another user's archive", async () => {
      const { token } = await newUser();
      const res = await request(t.http)
        .get(`/api/auth/account/export/${fileName}`)
        .set(bearer(token));
      expect({ code: res.status, body: res.body }).toEqual({ code: 404, body: FILE_NOT_FOUND });
    });

    it('answers file not found for an in-progress request', async () => {
      const { user, token } = await newUser();
      await requests().save({ userId: user.id, createdAt: new Date(), completed: false });
      const res = await request(t.http).get('/api/auth/account/export/null').set(bearer(token));
      expect({ code: res.status, body: res.body }).toEqual({ code: 404, body: FILE_NOT_FOUND });
    });

    it('disappears with the user (ON DELETE CASCADE) and its folder', async () => {
      await request(t.http)
        .delete(`/api/users/${owner.user.username}`)
        .set(bearer(owner.token))
        .expect(204);
      expect(await requests().countBy({ userId: owner.user.id })).toBe(0);
      expect(existsSync(join(t.config.app.uploadFolder, 'exports', String(owner.user.id)))).toBe(
        false,
      );
    });
  });
});

describe('data export ready email (docs/compatibility.md#emails)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ EMAIL_URL: 'smtp://127.0.0.1:2525', SENDER_EMAIL: 'pk@example.com' });
  });
  afterAll(() => t.close());

  it('sends data_export_ready in the user language once the archive exists', async () => {
    const sent: EmailMessage[] = [];
    jest.spyOn(t.app.get<Mailer>(MAILER), 'send').mockImplementation((message) => {
      sent.push(message);
      return Promise.resolve();
    });
    const user = await createUser(t.dataSource, { username: 'mailme' });
    await t.dataSource.getRepository(User).update(user.id, { language: 'de' });
    await request(t.http)
      .post('/api/auth/account/export/request')
      .set(bearer(firstPartyToken(t.app, user)))
      .expect(200);
    await t.app.get(InProcessJobQueue).drain();
    expect(sent).toEqual([
      {
        to: user.email,
        template: 'data_export_ready',
        language: 'de',
        data: {
          username: 'mailme',
          fittrackee_url: 'http://localhost:5000',
          account_url: 'http://localhost:5000/profile/edit/account',
        },
      },
    ]);
  });
});
