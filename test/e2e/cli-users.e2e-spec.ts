import { compareSync } from 'bcrypt';
import { User } from 'src/users/user.entity';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { runCommand } from 'test/helpers/users-cli';
import { reloadUser } from 'test/helpers/users-fixtures';
import { createTestApp, type TestApp } from 'test/setup/test-app';

// The CLI builds its own application context on the test database; this file only reads and
// seeds rows through the test app's DataSource (FitTrackee `ftcli users`).
describe('CLI users create / update (FitTrackee `ftcli`)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) => runCommand(t.config, ...args);
  const byName = (username: string) => t.dataSource.getRepository(User).findOneBy({ username });

  describe('users create', () => {
    it('creates an active account with the given password', async () => {
      const run = await cli(
        'users',
        'create',
        'newbie',
        '--email',
        'newbie@example.com',
        '--password',
        'secret123',
      );
      expect(run).toEqual({ code: 0, out: "User 'newbie' created.", err: '' });
      const user = await byName('newbie');
      expect(user).toMatchObject({
        email: 'newbie@example.com',
        isActive: true,
        admin: false,
        confirmationToken: null,
      });
      expect(compareSync('secret123', user!.password)).toBe(true);
    });

    it('prints a generated password when none is given', async () => {
      const run = await cli('users', 'create', 'generated', '--email', 'generated@example.com');
      expect(run.code).toBe(0);
      const match = /^User 'generated' created\.\nThe user password is: ([\w-]{40})$/.exec(run.out);
      expect(match).not.toBeNull();
      expect(compareSync(match![1]!, (await byName('generated'))!.password)).toBe(true);
    });

    it('works while registration is disabled', async () => {
      await t.dataSource.query(`UPDATE "app_config" SET "max_users" = 1`);
      try {
        expect(
          (await cli('users', 'create', 'full_instance', '--email', 'full@example.com')).code,
        ).toBe(0);
      } finally {
        await t.dataSource.query(`UPDATE "app_config" SET "max_users" = 0`);
      }
    });

    it('prints every rule that fails, with a non-zero exit code', async () => {
      const run = await cli('users', 'create', 'a*', '--email', 'bad', '--password', 'short');
      expect(run).toEqual({
        code: 1,
        out: '',
        err:
          'Error(s) occurred:\nusername: 3 to 30 characters required\n' +
          'username: only alphanumeric characters and the underscore character "_" allowed\n' +
          'email: valid email must be provided\npassword: 8 characters required',
      });
    });

    it('refuses a username taken in another letter case', async () => {
      await createUser(t.dataSource, { username: 'Taken' });
      const run = await cli('users', 'create', 'taken', '--email', 'other@example.com');
      expect(run).toEqual({
        code: 1,
        out: '',
        err: 'Error(s) occurred:\nsorry, that username is already taken',
      });
    });

    it('refuses an existing email in another letter case', async () => {
      await createUser(t.dataSource, { email: 'exists@example.com' });
      const run = await cli('users', 'create', 'someone', '--email', 'EXISTS@example.com');
      expect(run).toEqual({
        code: 1,
        out: '',
        err: 'Error(s) occurred:\nThis user already exists. No action done.',
      });
      expect(await byName('someone')).toBeNull();
    });

    it('requires --email', async () => {
      const run = await cli('users', 'create', 'noemail');
      expect(run.code).not.toBe(0);
      expect(run.err).toContain("required option '--email <email>' not specified");
    });
  });

  describe('users update', () => {
    it('grants admin rights and activates the account', async () => {
      const user = await createUser(t.dataSource, { isActive: false });
      const run = await cli('users', 'update', user.username, '--set-admin', 'true');
      expect(run).toEqual({ code: 0, out: `User '${user.username}' updated.`, err: '' });
      expect(await reloadUser(t.dataSource, user.id)).toMatchObject({
        admin: true,
        isActive: true,
      });
    });

    it('removes admin rights', async () => {
      const user = await createUser(t.dataSource, { admin: true });
      expect((await cli('users', 'update', user.username, '--set-admin', 'False')).code).toBe(0);
      expect((await reloadUser(t.dataSource, user.id))?.admin).toBe(false);
    });

    it('refuses a --set-admin value that is not a boolean', async () => {
      const user = await createUser(t.dataSource);
      const run = await cli('users', 'update', user.username, '--set-admin', 'maybe');
      expect(run.code).not.toBe(0);
      expect(run.err).toContain("'maybe' is not a valid boolean.");
    });

    it('activates an account', async () => {
      const user = await createUser(t.dataSource, { isActive: false });
      expect((await cli('users', 'update', user.username, '--activate')).out).toBe(
        `User '${user.username}' updated.`,
      );
      expect((await reloadUser(t.dataSource, user.id))?.isActive).toBe(true);
    });

    it('resets the password and prints the new one', async () => {
      const user = await createUser(t.dataSource);
      const run = await cli('users', 'update', user.username, '--reset-password');
      const match = new RegExp(
        `^User '${user.username}' updated\\.\\nThe new password is: ([\\w-]{40})$`,
      ).exec(run.out);
      expect(match).not.toBeNull();
      const stored = await reloadUser(t.dataSource, user.id);
      expect(compareSync(match![1]!, stored!.password)).toBe(true);
      expect(compareSync(DEFAULT_PASSWORD, stored!.password)).toBe(false);
    });

    it('changes the email at once, without confirmation', async () => {
      const user = await createUser(t.dataSource);
      const run = await cli(
        'users',
        'update',
        user.username,
        '--update-email',
        'moved@example.org',
      );
      expect(run.code).toBe(0);
      expect(await reloadUser(t.dataSource, user.id)).toMatchObject({
        email: 'moved@example.org',
        emailToConfirm: null,
      });
    });

    it.each([
      ['invalid', 'An error occurred: valid email must be provided'],
      ['same', 'An error occurred: new email must be different than current email'],
    ])('reports an %s email', async (kind, message) => {
      const user = await createUser(t.dataSource);
      const email = kind === 'same' ? user.email : 'not-an-email';
      const run = await cli('users', 'update', user.username, '--update-email', email);
      expect(run).toEqual({ code: 1, out: '', err: message });
    });

    it('prints No updates. without options', async () => {
      const user = await createUser(t.dataSource);
      expect(await cli('users', 'update', user.username)).toEqual({
        code: 0,
        out: 'No updates.',
        err: '',
      });
    });

    it('reports an unknown user, case-sensitively', async () => {
      const user = await createUser(t.dataSource, { username: 'CaseSensitive' });
      const run = await cli('users', 'update', user.username.toLowerCase(), '--activate');
      expect(run).toEqual({
        code: 1,
        out: '',
        err: "User 'casesensitive' not found.\nCheck the provided user name (case sensitive).",
      });
    });
  });
});
