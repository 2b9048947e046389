import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UserDataExport } from 'src/users/export/user-data-export.entity';
import { runCliProcess } from 'test/helpers/cli-process';
import { createUser } from 'test/helpers/factories';
import { runCommand } from 'test/helpers/users-cli';
import { writeUpload } from 'test/helpers/users-fixtures';
import { readZipEntries } from 'test/helpers/users-zip';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import {
  databaseUrl,
  dropDatabase,
  newDatabaseName,
  withAdminClient,
} from 'test/setup/test-database';

const DAY = 86400 * 1000;

describe('CLI maintenance commands (FitTrackee `ftcli`)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cli = (...args: string[]) => runCommand(t.config, ...args);
  const requests = () => t.dataSource.getRepository(UserDataExport);
  const seedRequest = async (ageDays: number, completed: boolean, fileName: string | null) => {
    const user = await createUser(t.dataSource);
    const createdAt = new Date(Date.now() - ageDays * DAY);
    let fileSize: number | null = null;
    if (fileName !== null) {
      const path = writeUpload(t.config, `exports/${user.id}/${fileName}`, Buffer.alloc(1500, 1));
      fileSize = statSync(path).size;
    }
    await requests().save({ userId: user.id, createdAt, completed, fileName, fileSize });
    return user;
  };
  const archivePath = (userId: number, name: string) =>
    join(t.config.app.uploadFolder, 'exports', String(userId), name);

  describe('users clean_archives', () => {
    it('deletes old completed requests and their archives only', async () => {
      const old = await seedRequest(10, true, 'archive_old.zip');
      const errored = await seedRequest(10, true, null);
      const recent = await seedRequest(1, true, 'archive_recent.zip');
      const pending = await seedRequest(10, false, null);
      const run = await cli('users', 'clean_archives', '--days', '7');
      expect(run).toEqual({
        code: 0,
        out: 'Deleted data export requests: 2.\nDeleted data export archives: 1.\nFreed space: 1.5 kB.',
        err: '',
      });
      expect(existsSync(archivePath(old.id, 'archive_old.zip'))).toBe(false);
      expect(existsSync(archivePath(recent.id, 'archive_recent.zip'))).toBe(true);
      const left = (await requests().find()).map((request) => request.userId);
      expect(left).not.toContain(old.id);
      expect(left).not.toContain(errored.id);
      expect(left).toEqual(expect.arrayContaining([recent.id, pending.id]));
    });

    it('reports zero when nothing is old enough', async () => {
      expect((await cli('users', 'clean_archives', '--days', '365')).out).toBe(
        'Deleted data export requests: 0.\nDeleted data export archives: 0.\nFreed space: 0 Bytes.',
      );
    });

    it('requires --days', async () => {
      const run = await cli('users', 'clean_archives');
      expect(run.code).not.toBe(0);
      expect(run.err).toContain("required option '--days <days>' not specified");
    });
  });

  describe('users export_archives', () => {
    it('builds up to --max pending archives, oldest first', async () => {
      await requests().delete({ completed: false });
      const oldest = await seedRequest(3, false, null);
      const newer = await seedRequest(2, false, null);
      const run = await cli('users', 'export_archives', '--max', '1');
      expect(run).toEqual({ code: 0, out: 'Generated data export archives: 1.', err: '' });
      const done = await requests().findOneByOrFail({ userId: oldest.id });
      expect(done.completed).toBe(true);
      expect(done.fileName).toMatch(/^archive_[\w-]{20}\.zip$/);
      const entries = await readZipEntries(await readFile(archivePath(oldest.id, done.fileName!)));
      expect([...entries.keys()].sort()).toEqual(['user_data.json', 'user_workouts_data.json']);
      expect(JSON.parse(entries.get('user_data.json')!.toString()).username).toBe(oldest.username);
      expect((await requests().findOneByOrFail({ userId: newer.id })).completed).toBe(false);
      expect((await cli('users', 'export_archives', '--max', '5')).out).toBe(
        'Generated data export archives: 1.',
      );
      expect((await requests().findOneByOrFail({ userId: newer.id })).completed).toBe(true);
    });
  });

  describe('users clean_tokens', () => {
    it('deletes blacklisted tokens whose exp is more than N days old', async () => {
      const now = Math.floor(Date.now() / 1000);
      await t.dataSource.query(
        `INSERT INTO blacklisted_tokens (token_hash, expired_at) VALUES ($1, $2), ($3, $4)`,
        ['a'.repeat(64), now - 3 * 86400, 'b'.repeat(64), now - 3600],
      );
      expect((await cli('users', 'clean_tokens', '--days', '1')).out).toBe(
        'Blacklisted tokens deleted: 1.',
      );
      const left: { token_hash: string }[] = await t.dataSource.query(
        'SELECT token_hash FROM blacklisted_tokens',
      );
      expect(left.map((row) => row.token_hash)).toEqual(['b'.repeat(64)]);
    });
  });

  describe('oauth2 clean', () => {
    it('deletes tokens whose access token expired more than N days ago', async () => {
      const owner = await createUser(t.dataSource);
      const [client] = await t.dataSource.query(
        `INSERT INTO oauth2_clients (client_id, client_secret_hash, issued_at, user_id, name,
           website, redirect_uris, scope)
         VALUES (left(md5(random()::text), 24), repeat('0', 64), now(), $1, 'app',
           'https://app.example', ARRAY['https://app.example/cb'], 'workouts:read') RETURNING id`,
        [owner.id],
      );
      const insert = (hash: string, issuedDaysAgo: number, expiresIn: number) =>
        t.dataSource.query(
          `INSERT INTO oauth2_tokens (client_id, user_id, access_token_hash, scope, issued_at,
             expires_in, family_id)
           VALUES ($1, $2, $3, 'workouts:read',
             (now() AT TIME ZONE 'utc') - $4 * interval '1 day', $5, gen_random_uuid())`,
          [client.id, owner.id, hash, issuedDaysAgo, expiresIn],
        );
      await insert('1'.repeat(64), 5, 86400);
      await insert('2'.repeat(64), 1, 864000);
      await insert('3'.repeat(64), 30, 0);
      expect((await cli('oauth2', 'clean', '--days', '2')).out).toBe('Expired deleted tokens: 1.');
      const left: { access_token_hash: string }[] = await t.dataSource.query(
        'SELECT access_token_hash FROM oauth2_tokens ORDER BY access_token_hash',
      );
      expect(left.map((row) => row.access_token_hash)).toEqual(['2'.repeat(64), '3'.repeat(64)]);
    });
  });

  describe.each([[['users', 'clean_tokens']], [['oauth2', 'clean']]])('%s', (command) => {
    it('requires an integer --days', async () => {
      const run = await cli(...command, '--days', 'ten');
      expect(run.code).not.toBe(0);
      expect(run.err).toContain("'ten' is not a valid integer.");
    });
  });
});

describe('CLI db upgrade as a child process (the pacekeeper bin)', () => {
  const name = newDatabaseName();

  beforeAll(() => withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`)));
  afterAll(() => withAdminClient((client) => dropDatabase(client, name)));

  const runBin = (...args: string[]) =>
    runCliProcess(
      {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl(name),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'pacekeeper-cli-')),
        APP_SECRET_KEY: 'test-secret-key-that-is-long-enough',
        LOG_LEVEL: 'silent',
      },
      ...args,
    );

  it('applies every migration to an empty database, then has nothing to do', async () => {
    const first = await runBin('db', 'upgrade');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Applied: InitialSchema\d+, .*UsersDataExport\d+/);
    const second = await runBin('db', 'upgrade');
    expect(second).toEqual({ code: 0, out: 'Database is up to date.', err: '' });
  }, 60000);
});
