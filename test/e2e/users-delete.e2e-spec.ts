import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppConfigEntity } from 'src/app-config/app-config.entity';
import { SCOPE } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInsufficientScope,
  expectInvalidToken,
  expectNotFound,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { giveAvatar, reloadUser, writeUpload } from 'test/helpers/users-fixtures';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const LAST_ADMIN = 'you can not delete your account, no other user has admin rights';

describe('DELETE /api/users/<username> (as in FitTrackee)', () => {
  let t: TestApp;
  let admin: User;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.dataSource, { username: 'admin', admin: true });
    adminToken = firstPartyToken(t.app, admin);
  });
  afterAll(() => t.close());

  const remove = (name: string, token = adminToken) =>
    request(t.http).delete(`/api/users/${name}`).set(bearer(token));
  const exists = async (user: User) => (await reloadUser(t.dataSource, user.id)) !== null;

  it('requires a token', async () => {
    expectUnauthorized(await request(t.http).delete('/api/users/admin'));
  });

  it('answers invalid_token for an invalid token', async () => {
    expectInvalidToken(await remove('admin', 'invalid'));
  });

  it('needs the users:write scope for OAuth2 tokens', async () => {
    const user = await createUser(t.dataSource);
    const usersRead = await oauth2AccessToken(t.app, user, SCOPE.USERS_READ);
    const usersWrite = await oauth2AccessToken(t.app, user, SCOPE.USERS_WRITE);
    expectInsufficientScope(await remove(user.username, usersRead));
    expect(await exists(user)).toBe(true);
    await remove(user.username, usersWrite).expect(204);
    expect(await exists(user)).toBe(false);
  });

  it('answers 404 for an unknown user, even to a regular user', async () => {
    const user = await createUser(t.dataSource);
    expectNotFound(await remove('nobody', firstPartyToken(t.app, user)), 'user does not exist');
  });

  it('forbids a regular user to delete another user', async () => {
    const user = await createUser(t.dataSource);
    const other = await createUser(t.dataSource);
    expectForbidden(await remove(other.username, firstPartyToken(t.app, user)));
    expect(await exists(other)).toBe(true);
  });

  it('lets a user delete themself with an empty 204', async () => {
    const user = await createUser(t.dataSource);
    const res = await remove(user.username, firstPartyToken(t.app, user)).expect(204);
    expect(res.text).toBe('');
    expect(await exists(user)).toBe(false);
  });

  it('lets an admin delete another user', async () => {
    const user = await createUser(t.dataSource);
    await remove(user.username).expect(204);
    expect(await exists(user)).toBe(false);
  });

  it('refuses to delete the only admin', async () => {
    expectEnvelopeError(await remove('admin'), 403, 'error', LAST_ADMIN);
    expect(await exists(admin)).toBe(true);
  });

  it('lets an admin delete another admin while two exist, then protects the last', async () => {
    const second = await createUser(t.dataSource, { admin: true });
    await remove(second.username).expect(204);
    const third = await createUser(t.dataSource, { admin: true });
    await remove('admin', firstPartyToken(t.app, third)).expect(204);
    expectEnvelopeError(
      await remove(third.username, firstPartyToken(t.app, third)),
      403,
      'error',
      LAST_ADMIN,
    );
    adminToken = firstPartyToken(t.app, third);
  });

  it("removes the user's files and only theirs", async () => {
    const user = await createUser(t.dataSource);
    const other = await createUser(t.dataSource);
    await giveAvatar(t.dataSource, t.config, user);
    const paths = [
      writeUpload(t.config, `exports/${user.id}/archive_x.zip`, 'zip'),
      writeUpload(t.config, `workouts/${user.id}/a.gpx`, '<gpx/>'),
      writeUpload(t.config, `workouts/${user.id}/a.png`, 'map'),
    ];
    const kept = writeUpload(t.config, `workouts/${other.id}/b.gpx`, '<gpx/>');
    await remove(user.username).expect(204);
    for (const path of paths) expect(existsSync(path)).toBe(false);
    for (const folder of ['exports', 'workouts', 'pictures'])
      expect(existsSync(join(t.config.app.uploadFolder, folder, String(user.id)))).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });

  it('removes a symlink in the user folder, never its target', async () => {
    const user = await createUser(t.dataSource);
    const outside = join(t.config.app.dataDir, 'keep-me');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'file.txt'), 'keep');
    writeUpload(t.config, `workouts/${user.id}/a.gpx`, '<gpx/>');
    symlinkSync(outside, join(t.config.app.uploadFolder, `workouts/${user.id}/link`));
    await remove(user.username).expect(204);
    expect(existsSync(join(outside, 'file.txt'))).toBe(true);
  });

  it('makes registration possible again when the instance was full', async () => {
    const count = await t.dataSource.getRepository(User).count();
    await t.dataSource.getRepository(AppConfigEntity).update({ id: 1 }, { maxUsers: count + 1 });
    const user = await createUser(t.dataSource);
    const config = () => request(t.http).get('/api/config').expect(200);
    expect((await config()).body.data.is_registration_enabled).toBe(false);
    await remove(user.username).expect(204);
    expect((await config()).body.data.is_registration_enabled).toBe(true);
  });
});
