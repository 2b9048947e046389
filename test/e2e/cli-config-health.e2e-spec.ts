import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cliEnv, runCliProcess } from 'test/helpers/cli-process';
import { createTestApp, type TestApp } from 'test/setup/test-app';

// What an operator checks first on a deployment, with the built CLI in a process of its own.
describe('CLI config show / health (pacekeeper)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) => runCliProcess(cliEnv(t.config), ...args);
  describe('config show', () => {
    it('prints the effective settings with every secret redacted', async () => {
      const run = await runCliProcess(
        {
          ...cliEnv(t.config),
          DATABASE_URL: 'postgresql://pacekeeper:db-password-1@db.example:5432/pacekeeper',
          REDIS_URL: 'redis://:redis-password-2@cache.example:6379/0',
          EMAIL_URL: 'smtp://mailer:mail-password-3@smtp.example:587',
          WEATHER_API_PROVIDER: 'visualcrossing',
          WEATHER_API_KEY: 'weather-key-4',
          METRICS_TOKEN: 'metrics-token-5-long-enough',
          PORT: '5123',
        },
        'config',
        'show',
      );
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      const lines = run.out.split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'app.port = 5123',
          `app.dataDir = ${t.config.app.dataDir}`,
          'app.secretKey = [redacted]',
          'database.url = postgresql://pacekeeper:***@db.example:5432/pacekeeper',
          'redis.url = redis://:***@cache.example:6379/0',
          'email.url = smtp://mailer:***@smtp.example:587',
          'weather.apiKey = [redacted]',
          'metrics.token = [redacted]',
          'auth.passwordTokenExpirationSeconds = 3600',
        ]),
      );
      for (const secret of [
        t.config.app.secretKey,
        'db-password-1',
        'redis-password-2',
        'mail-password-3',
        'weather-key-4',
        'metrics-token-5',
      ])
        expect(run.out).not.toContain(secret);
    });

    it('names the variable of an invalid setting and exits 1', async () => {
      const run = await runCliProcess({ ...cliEnv(t.config), PORT: 'abc' }, 'config', 'show');
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toContain('PORT');
    });
  });

  describe('health', () => {
    it('exits 0 when the database and Redis answer', async () => {
      const run = await runCliProcess(
        { ...cliEnv(t.config), REDIS_URL: 'redis://127.0.0.1:6379' },
        'health',
      );
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toMatch(/^COMPONENT\s+STATUS\s+DETAIL\n/);
      expect(run.out).toMatch(
        /\ndatabase\s+up\s+postgresql:\/\/127\.0\.0\.1:5432\/pacekeeper_test_\w+ \(\d+ ms\)/,
      );
      expect(run.out).toMatch(/\nredis\s+up\s+redis:\/\/127\.0\.0\.1:6379 \(\d+ ms\)$/);
      expect(run.out).toMatch(/\nstorage\s+up\s+\S+\n/);
    });

    it('exits 1 when the upload folder is not a folder, naming it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pacekeeper-cli-storage-'));
      const notAFolder = join(dir, 'uploads');
      writeFileSync(notAFolder, 'a file');
      try {
        const run = await runCliProcess(
          { ...cliEnv(t.config), UPLOAD_FOLDER: notAFolder },
          'health',
        );
        expect(run.code).toBe(1);
        expect(run.err).toBe('Down: storage.');
        expect(run.out).toContain(`storage    down    ${notAFolder}: ENOTDIR`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('says Redis is not configured without REDIS_URL', async () => {
      const run = await cli('health');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/\nredis\s+up\s+not configured \(jobs run in-process\)$/);
    });

    it('exits 1 and names what is down, without credentials', async () => {
      const run = await runCliProcess(
        {
          ...cliEnv(t.config),
          DATABASE_URL: 'postgresql://postgres:db-password@127.0.0.1:1/pacekeeper',
          REDIS_URL: 'redis://:redis-password@127.0.0.1:1',
        },
        'health',
      );
      expect(run.code).toBe(1);
      expect(run.err).toBe('Down: database, redis.');
      expect(run.out).toMatch(
        /\ndatabase\s+down\s+postgresql:\/\/127\.0\.0\.1:1\/pacekeeper: connect ECONNREFUSED/,
      );
      expect(run.out).toMatch(/\nredis\s+down\s+redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/);
      expect(run.out).not.toContain('password');
    });

    describe('on the embedded database (no DATABASE_URL)', () => {
      const embeddedEnv = (dataDir: string) => {
        const { DATABASE_URL: _url, ...env } = cliEnv(t.config);
        return { ...env, DATA_DIR: dataDir };
      };

      it('is down, and creates nothing, before the database exists', async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-cli-health-'));
        try {
          const run = await runCliProcess(embeddedEnv(dataDir), 'health');
          expect(run.code).toBe(1);
          expect(run.out).toContain(
            `database   down    embedded database in ${dataDir}/pgdata: not created yet`,
          );
          expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      });

      it('is up while a running server holds it', async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-cli-health-'));
        try {
          mkdirSync(join(dataDir, 'pgdata'));
          // This test process stands for the server: alive, and holding the lock.
          writeFileSync(join(dataDir, 'pgdata.lock'), String(process.pid));
          const run = await runCliProcess(embeddedEnv(dataDir), 'health');
          expect(run).toMatchObject({ code: 0, err: '' });
          expect(run.out).toMatch(
            new RegExp(
              `\\ndatabase\\s+up\\s+embedded database in .+, open in process ${process.pid}\\n`,
            ),
          );
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      });
    });
  });
});
