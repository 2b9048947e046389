import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatFileSize } from 'src/common/format/file-size';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import { getProfile } from 'test/helpers/auth-api';
import { GIF, JPEG, multipart, PNG } from 'test/helpers/auth-multipart';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('auth: picture (FitTrackee `POST /api/auth/picture`, `DELETE /api/auth/picture`)', () => {
  let t: TestApp;
  let user: User;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(() => t.close());

  const upload = (filename: string | null, content: Buffer): request.Test => {
    const { contentType, body } = multipart(filename, content);
    return request(t.http)
      .post('/api/auth/picture')
      .set(bearer(token))
      .set('Content-Type', contentType)
      .send(body);
  };
  const stored = async (): Promise<string | null> =>
    (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).picture;
  const setLimits = (single: number, zip: number): Promise<unknown> =>
    t.dataSource.query('UPDATE app_config SET max_single_file_size = $1, max_zip_file_size = $2', [
      single,
      zip,
    ]);

  it.each([
    ['avatar.png', PNG],
    ['photo.JPG', JPEG],
    ['anim.gif', GIF],
  ])('stores %s under UPLOAD_FOLDER/pictures/<id>/', async (filename, content) => {
    const res = await upload(filename, content);
    expect({ code: res.status, body: res.body as unknown }).toEqual({
      code: 200,
      body: { status: 'success', message: 'user picture updated' },
    });
    const relative = await stored();
    expect(relative).toBe(join('pictures', String(user.id), filename));
    expect(readFileSync(join(t.config.app.uploadFolder, relative ?? ''))).toEqual(content);
    const profile = await getProfile(t.http, token);
    expect((profile.body as { data: { picture: boolean } }).data.picture).toBe(true);
  });

  it('replaces the previous picture file', async () => {
    await upload('first.png', PNG).expect(200);
    const first = join(t.config.app.uploadFolder, (await stored()) ?? '');
    await upload('second.gif', GIF).expect(200);
    expect(existsSync(first)).toBe(false);
    expect(await stored()).toBe(join('pictures', String(user.id), 'second.gif'));
  });

  it('sanitises the file name', async () => {
    await upload('../../evil name.png', PNG).expect(200);
    expect(await stored()).toBe(join('pictures', String(user.id), 'evil_name.png'));
  });

  it('answers no file part without a file', async () => {
    const res = await request(t.http).post('/api/auth/picture').set(bearer(token)).send({});
    expectEnvelopeError(res, 400, 'fail', 'no file part');
  });

  it('answers no file part for a file under another field name', async () => {
    const { contentType, body } = multipart('avatar.png', PNG, 'picture');
    const res = await request(t.http)
      .post('/api/auth/picture')
      .set(bearer(token))
      .set('Content-Type', contentType)
      .send(body);
    expectEnvelopeError(res, 400, 'fail', 'no file part');
  });

  it('answers no file part for a plain `file` field, which is no file part (Werkzeug)', async () => {
    expectEnvelopeError(await upload(null, Buffer.from('')), 400, 'fail', 'no file part');
  });

  it('answers no selected file for a file part with an empty file name', async () => {
    const res = await upload('', PNG);
    expectEnvelopeError(res, 400, 'fail', 'no selected file');
    expect(await stored()).toBeNull();
  });

  it('answers no file part for a multipart body with other fields only', async () => {
    const { contentType, body } = multipart(null, Buffer.from('x'), 'about');
    const res = await request(t.http)
      .post('/api/auth/picture')
      .set(bearer(token))
      .set('Content-Type', contentType)
      .send(body);
    expectEnvelopeError(res, 400, 'fail', 'no file part');
  });

  it.each(['avatar.bmp', 'avatar.jpeg', 'avatar'])('refuses the extension of %s', async (name) => {
    expectEnvelopeError(await upload(name, PNG), 400, 'fail', 'file extension not allowed');
  });

  it('refuses a file whose content is not an image', async () => {
    const res = await upload('avatar.png', Buffer.from('<svg onload="alert(1)"></svg>'));
    expectEnvelopeError(res, 400, 'fail', 'file extension not allowed');
    expect(await stored()).toBeNull();
  });

  it('answers 413 above max_single_file_size, with the request size', async () => {
    await setLimits(1024, 10485760);
    const { contentType, body } = multipart('avatar.png', Buffer.concat([PNG, Buffer.alloc(1100)]));
    const res = await request(t.http)
      .post('/api/auth/picture')
      .set(bearer(token))
      .set('Content-Type', contentType)
      .send(body);
    expectEnvelopeError(
      res,
      413,
      'fail',
      `Error during picture upload, file size (${formatFileSize(body.length)}) exceeds 1.0KB.`,
    );
    await setLimits(1048576, 10485760);
  });

  it('answers 413 above max_zip_file_size before reading the body', async () => {
    await setLimits(1024, 2048);
    const { contentType, body } = multipart('avatar.png', Buffer.concat([PNG, Buffer.alloc(3000)]));
    const res = await request(t.http)
      .post('/api/auth/picture')
      .set(bearer(token))
      .set('Content-Type', contentType)
      .send(body);
    expectEnvelopeError(
      res,
      413,
      'fail',
      `Error during picture upload, file size (${formatFileSize(body.length)}) exceeds 2.0KB.`,
    );
    await setLimits(1048576, 10485760);
  });

  it('DELETE removes the file and the flag', async () => {
    await upload('avatar.png', PNG).expect(200);
    const file = join(t.config.app.uploadFolder, (await stored()) ?? '');
    const res = await request(t.http).delete('/api/auth/picture').set(bearer(token));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(existsSync(file)).toBe(false);
    expect(await stored()).toBeNull();
  });

  it('DELETE without a picture answers 204', async () => {
    await request(t.http).delete('/api/auth/picture').set(bearer(token)).expect(204);
  });
});
