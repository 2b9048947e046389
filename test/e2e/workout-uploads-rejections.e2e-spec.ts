import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { User } from 'src/users/user.entity';
import { FileSink } from 'src/workouts/files/storage/file-sink';
import { firstPartyToken } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import {
  type RejectionWatch,
  settle,
  watchUnhandledRejections,
} from 'test/helpers/rejection-watch';
import { countWorkouts, listFiles, postWorkoutFile, readSharedFixture } from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

const GPX = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
const FIT = readFileSync(join(process.cwd(), 'test', 'fixtures', 'formats', 'run.fit'));
const SLOW_DISK_MS = 300;

/**
 * The insert fails while the workout's files are still being synced (a slow disk): the
 * rollback refuses to name them, and that refusal must reach no promise without a handler,
 * or Node ends the process (the crash of `POST /api/workouts` this file keeps fixed).
 */
describe('an upload whose insert fails while its files are still syncing', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let watch: RejectionWatch;
  const finish = Object.getOwnPropertyDescriptor(FileSink.prototype, 'finish')?.value as (
    this: FileSink,
  ) => Promise<void>;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    // A database that refuses every workout row, as a full disk or a broken constraint would.
    await t.dataSource.query(`
      CREATE FUNCTION refuse_workout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'workout refused for the test'; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER refuse_workout BEFORE INSERT ON workouts
      FOR EACH ROW EXECUTE FUNCTION refuse_workout()`);
    jest.spyOn(FileSink.prototype, 'finish').mockImplementation(async function (this: FileSink) {
      await new Promise((resolve) => setTimeout(resolve, SLOW_DISK_MS));
      return finish.call(this);
    });
    watch = watchUnhandledRejections();
  });
  afterAll(async () => {
    watch.stop();
    jest.restoreAllMocks();
    await t.close();
  });

  it.each<[string, () => Promise<Buffer>, string]>([
    ['a GPX file (written as it arrives)', () => Promise.resolve(GPX), 'walk.gpx'],
    [
      'a zip of two GPX files (written after extraction)',
      () =>
        buildZip([
          { name: 'a.gpx', data: GPX },
          { name: 'b.gpx', data: GPX },
        ]),
      'two.zip',
    ],
    ['a FIT file (written once converted)', () => Promise.resolve(FIT), 'run.fit'],
  ])('%s: refused, nothing left, no unhandled rejection', async (_label, content, fileName) => {
    const res = await postWorkoutFile(t, token, await content(), { fileName });
    await settle(SLOW_DISK_MS);

    expect([res.status, res.body]).toEqual([
      500,
      { status: 'error', message: 'error when saving workout' },
    ]);
    expect(watch.reasons).toEqual([]);
    expect(await countWorkouts(t, user.id)).toBe(0);
    expect(listFiles(t.config.app.uploadFolder)).toEqual([]);
  });
});
