import { rmSync } from 'node:fs';

import { cliEnv, runCliProcess } from 'test/helpers/cli-process';
import { buildTestConfig } from 'test/setup/test-config';

// Scripts and `docker compose exec` rely on the exit code: 2 for a usage error, 0 for --help.
describe('CLI usage errors and help (pacekeeper)', () => {
  // Usage errors are refused before any command runs: no database is needed.
  const config = buildTestConfig();
  const env = cliEnv(config);
  afterAll(() => {
    rmSync(config.app.dataDir, { recursive: true, force: true });
  });
  const cli = (...args: string[]) => runCliProcess(env, ...args);

  describe('usage errors exit 2 with one line on stderr', () => {
    it.each([
      [['nosuch'], "error: unknown command 'nosuch'"],
      [['users', 'nosuch'], "error: unknown command 'nosuch' for 'pacekeeper users'"],
      [
        ['oauth2', 'apps', 'nosuch'],
        "error: unknown command 'nosuch' for 'pacekeeper oauth2 apps'",
      ],
      [['--bogus'], "error: unknown option '--bogus'"],
      [['users', 'list', '--bogus'], "error: unknown option '--bogus'"],
      [
        ['users', 'list', 'extra'],
        "error: too many arguments for 'list'. Expected 0 arguments but got 1.",
      ],
      [['users', 'promote'], "error: missing required argument 'username'"],
      [
        ['users', 'clean_tokens', '--days', 'x'],
        "error: option '--days <days>' argument 'x' is invalid. 'x' is not a valid integer.",
      ],
      [
        ['users', 'update', 'someone', '--set-admin', 'maybe'],
        "error: option '--set-admin <boolean>' argument 'maybe' is invalid. 'maybe' is not a valid boolean.",
      ],
    ])('pacekeeper %j', async (args, message) => {
      expect(await cli(...args)).toEqual({ code: 2, out: '', err: message });
    });

    it('prints the help on stderr with exit code 2 without a command', async () => {
      for (const args of [[], ['users'], ['oauth2', 'tokens']]) {
        const run = await cli(...args);
        expect(run).toMatchObject({ code: 2, out: '' });
        expect(run.err).toMatch(/^Usage: pacekeeper/);
      }
    });

    it('prints the help on stdout with exit code 0 for --help', async () => {
      const root = await cli('--help');
      expect(root).toMatchObject({ code: 0, err: '' });
      expect(root.out).toMatch(/^Usage: pacekeeper \[options\] \[command\]/);
      for (const command of ['db', 'users', 'oauth2', 'config', 'health'])
        expect(root.out).toMatch(new RegExp(`\\n  ${command}\\s`));
      const apps = await cli('oauth2', 'apps', '--help');
      expect(apps).toMatchObject({ code: 0, err: '' });
      expect(apps.out).toMatch(/\n {2}revoke <client_id>\s+Revoke all the tokens/);
    });
  });
});
