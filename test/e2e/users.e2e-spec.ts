import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SCOPE } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectForbidden,
  expectInsufficientScope,
  expectInvalidToken,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { giveAvatar, TINY_PNG, writeUpload } from 'test/helpers/users-fixtures';
import { createTestApp, type TestApp } from 'test/setup/test-app';

describe('GET /api/users/<username> (as in FitTrackee)', () => {
  let t: TestApp;
  let admin: User;
  let sam: User;
  let adminToken: string;
  let samToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { username: 'admin', admin: true });
    sam = await createUser(t.dataSource, { username: 'sam' });
    await createUser(t.dataSource, { username: 'inactive', isActive: false });
    adminToken = firstPartyToken(t.app, admin);
    samToken = firstPartyToken(t.app, sam);
  });
  afterAll(() => t.close());

  const get = (name: string, token: string) =>
    request(t.http).get(`/api/users/${name}`).set(bearer(token));

  it('requires a token', async () => {
    expectUnauthorized(await request(t.http).get('/api/users/sam'));
  });

  it('answers invalid_token for an invalid token', async () => {
    expectInvalidToken(await get('sam', 'invalid'));
  });

  it('needs the users:read scope for OAuth2 tokens', async () => {
    const profileRead = await oauth2AccessToken(t.app, sam, SCOPE.PROFILE_READ);
    const usersRead = await oauth2AccessToken(t.app, sam, SCOPE.USERS_READ);
    expectInsufficientScope(await get('sam', profileRead));
    expect((await get('sam', usersRead)).status).toBe(200);
  });

  it('returns the user themself in a one-element list with preferences', async () => {
    const res = await get('sam', samToken).expect(200);
    expect(res.body.status).toBe('success');
    expect(res.body.data.users).toHaveLength(1);
    expect(res.body.data.users[0]).toMatchObject({
      username: 'sam',
      email: 'sam@example.com',
      admin: false,
      is_active: true,
      picture: false,
      language: 'en',
      timezone: 'Europe/Paris',
      accepted_privacy_policy: true,
      nb_workouts: 0,
      records: [],
    });
  });

  it('forbids a regular user to read another user', async () => {
    expectForbidden(await get('admin', samToken));
  });

  it('forbids a regular user before checking existence', async () => {
    expectForbidden(await get('nobody', samToken));
  });

  it('compares the own username case-sensitively', async () => {
    expectForbidden(await get('SAM', samToken));
  });

  it('lets an admin read another user, inactive included, in the admin view', async () => {
    const res = await get('inactive', adminToken).expect(200);
    expect(res.body.data.users[0]).toMatchObject({ username: 'inactive', is_active: false });
    expect(res.body.data.users[0]).not.toHaveProperty('timezone');
  });

  it('answers 404 user does not exist to an admin for an unknown name', async () => {
    expectNotFound(await get('nobody', adminToken), 'user does not exist');
  });
});

describe('GET /api/users/<username>/picture (as in FitTrackee)', () => {
  let t: TestApp;
  let sam: User;

  beforeAll(async () => {
    t = await createTestApp();
    sam = await createUser(t.dataSource, { username: 'sam' });
  });
  afterAll(() => t.close());

  const picture = (name: string) => request(t.http).get(`/api/users/${name}/picture`);
  const setPicture = (path: string | null) =>
    t.dataSource.getRepository(User).update(sam.id, { picture: path });

  it('answers 404 user does not exist for an unknown user', async () => {
    expectNotFound(await picture('nobody'), 'user does not exist');
  });

  it('answers 404 No picture. for a user without avatar', async () => {
    expectNotFound(await picture('sam'), 'No picture.');
  });

  it('sends the avatar without a token, typed by its extension', async () => {
    await giveAvatar(t.dataSource, t.config, sam, 'avatar.png');
    const res = await picture('sam').set(bearer('ignored')).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(res.body as Buffer, TINY_PNG)).toBe(0);
  });

  it.each([
    ['a.jpg', 'image/jpeg'],
    ['a.JPEG', 'image/jpeg'],
    ['a.gif', 'image/gif'],
  ])('types %s as %s', async (name, type) => {
    await giveAvatar(t.dataSource, t.config, sam, name);
    expect((await picture('sam').expect(200)).headers['content-type']).toBe(type);
  });

  it('answers No picture. when the file is missing', async () => {
    await setPicture(`pictures/${sam.id}/missing.png`);
    expectNotFound(await picture('sam'), 'No picture.');
  });

  it('never reads outside the upload folder', async () => {
    const outside = join(t.config.app.dataDir, 'secret.png');
    writeFileSync(outside, 'secret');
    for (const path of ['../secret.png', outside, `pictures/${sam.id}/../../../secret.png`]) {
      await setPicture(path);
      expectNotFound(await picture('sam'), 'No picture.');
    }
  });

  it('never follows a symlink', async () => {
    const outside = join(t.config.app.dataDir, 'linked-secret.png');
    writeFileSync(outside, 'secret');
    writeUpload(t.config, `pictures/${sam.id}/.keep`, '');
    symlinkSync(outside, join(t.config.app.uploadFolder, `pictures/${sam.id}/link.png`));
    await setPicture(`pictures/${sam.id}/link.png`);
    expectNotFound(await picture('sam'), 'No picture.');
  });

  it('never follows a symlinked folder', async () => {
    const outsideDir = join(t.config.app.dataDir, 'outside-dir');
    mkdirSync(outsideDir, { recursive: true });
    writeFileSync(join(outsideDir, 'avatar.png'), TINY_PNG);
    writeUpload(t.config, 'pictures/.keep', '');
    symlinkSync(outsideDir, join(t.config.app.uploadFolder, 'pictures/linked'));
    await setPicture('pictures/linked/avatar.png');
    expectNotFound(await picture('sam'), 'No picture.');
  });

  it('answers No picture. when the path is a folder', async () => {
    await setPicture(`pictures/${sam.id}`);
    expectNotFound(await picture('sam'), 'No picture.');
  });
});
