import { User } from 'src/users/user.entity';
import { cliEnv, runCliProcess } from 'test/helpers/cli-process';
import { createUser } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

// The built CLI in a process of its own against the test app's database, exit codes included.
describe('CLI users list / promote / demote (pacekeeper)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) => runCliProcess(cliEnv(t.config), ...args);
  const isAdmin = async (id: number) =>
    (await t.dataSource.getRepository(User).findOneByOrFail({ id })).admin;

  describe('users list', () => {
    it('prints one aligned row per account, by name', async () => {
      await createUser(t.dataSource, { username: 'list_bob', admin: true });
      await createUser(t.dataSource, { username: 'list_alice', isActive: false });
      const run = await cli('users', 'list');
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      const lines = run.out.split('\n');
      expect(lines[0]).toMatch(/^USERNAME\s+EMAIL\s+ADMIN\s+ACTIVE\s+CREATED$/);
      const alice = lines.findIndex((line) => line.startsWith('list_alice '));
      const bob = lines.findIndex((line) => line.startsWith('list_bob '));
      expect(alice).toBeGreaterThan(0);
      expect(bob).toBeGreaterThan(alice);
      expect(lines[alice]).toMatch(
        /^list_alice\s+list_alice@example\.com\s+no\s+no\s+\d{4}-\d\d-\d\d \d\d:\d\d$/,
      );
      expect(lines[bob]).toMatch(/\s+yes\s+yes\s+/);
      // Columns line up under the header.
      expect(lines[alice]!.indexOf('list_alice@')).toBe(lines[0]!.indexOf('EMAIL'));
    });
  });

  describe('users promote / demote', () => {
    it('gives admin rights, activating the account, then removes them', async () => {
      const user = await createUser(t.dataSource, { isActive: false });
      expect(await cli('users', 'promote', user.username)).toEqual({
        code: 0,
        out: `User '${user.username}' is now an admin.`,
        err: '',
      });
      const promoted = await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
      expect(promoted).toMatchObject({ admin: true, isActive: true });
      expect(await cli('users', 'demote', user.username)).toEqual({
        code: 0,
        out: `User '${user.username}' is now not an admin.`,
        err: '',
      });
      expect(await isAdmin(user.id)).toBe(false);
    });

    it('exits 1 for an unknown user', async () => {
      expect(await cli('users', 'promote', 'nobody_here')).toEqual({
        code: 1,
        out: '',
        err: "User 'nobody_here' not found.\nCheck the provided user name (case sensitive).",
      });
    });
  });
});
