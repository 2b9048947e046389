import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import type { User } from 'src/users/user.entity';
import { firstPartyToken } from 'test/helpers/auth';
import { expectEnvelopeError } from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import {
  type RejectionWatch,
  settle,
  watchUnhandledRejections,
} from 'test/helpers/rejection-watch';
import {
  countWorkouts,
  listFiles,
  postWorkoutFile,
  readSharedFixture,
  setUploadLimits,
} from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** What each hostile input must get (docs/uploads.md#hostile-input): a 4xx, never a 500. */
const EXPECTED: [file: string, code: number, status: string, message: string][] = [
  ['01_not_xml.gpx', 400, 'error', 'gpx file is invalid'],
  ['02_truncated.gpx', 400, 'error', 'gpx file is invalid'],
  ['03_no_tracks_route_only.gpx', 400, 'error', 'no tracks in gpx file'],
  ['04_no_time.gpx', 400, 'error', '<time> is missing in gpx file'],
  ['05_billion_laughs.gpx', 400, 'error', 'gpx file is invalid'],
  ['06_xxe_etc_passwd.gpx', 400, 'error', 'gpx file is invalid'],
  ['07_zip_path_traversal.zip', 400, 'fail', 'zip archive contains an unsafe file name or link'],
  [
    '08_zip_bomb.zip',
    400,
    'fail',
    'at least one file in zip archive exceeds size limit, please check the archive',
  ],
  ['09_zip_200_gpx.zip', 400, 'fail', 'the number of files in the archive exceeds the limit'],
];

describe('hostile uploads are refused cleanly (docs/uploads.md#hostile-input)', () => {
  let t: TestApp;
  let user: User;
  let token: string;
  let watch: RejectionWatch;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
    watch = watchUnhandledRejections();
  });
  afterAll(async () => {
    watch.stop();
    await t.close();
  });
  afterEach(async () => {
    await settle();
    expect(watch.reasons).toEqual([]);
    expect(await countWorkouts(t, user.id)).toBe(0);
    expect(listFiles(t.config.app.uploadFolder)).toEqual([]);
  });

  it.each(EXPECTED)('%s → %i %s "%s"', async (file, code, status, message) => {
    const res = await postWorkoutFile(t, token, readSharedFixture('hostile', file), {
      fileName: file,
    });
    expectEnvelopeError(res, code, status, message);
    expect(res.text).not.toContain('root:');
  });

  it('07: nothing is written outside the upload folder under any member name', () => {
    const uploadFolder = t.config.app.uploadFolder;
    for (const outside of [
      '/tmp/abs_x.gpx',
      join(dirname(uploadFolder), 'x.gpx'),
      join(dirname(dirname(uploadFolder)), 'x.gpx'),
    ]) {
      expect([outside, existsSync(outside)]).toEqual([outside, false]);
    }
  });

  it('08 with limits high enough for its declared size: the inflated bytes are capped', async () => {
    await setUploadLimits(t, { maxSingleFileSize: 2 ** 31 - 1, maxZipFileSize: 2 ** 31 - 1 });
    const before = process.memoryUsage().rss;
    const res = await postWorkoutFile(t, token, readSharedFixture('hostile', '08_zip_bomb.zip'), {
      fileName: 'bomb.zip',
    });
    expect([400, 413]).toContain(res.status);
    expect(res.body.status).toBe('fail');
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    await setUploadLimits(t, { maxSingleFileSize: 1 << 20, maxZipFileSize: 10 << 20 });
  });

  it('10 as .gpx.gz: 413 for its size (11 MB > 10 MB), else "file extension not allowed"', async () => {
    const gz = readSharedFixture('hostile', '10_synthetic_1e6_points.gpx.gz');
    const res = await postWorkoutFile(t, token, gz, { fileName: '10.gpx.gz' });
    expect([res.status, res.body.status]).toEqual([413, 'fail']);
    expect(res.body.message).toMatch(
      /^Error during workout upload, file size \(11\.\dMB\) exceeds 10\.0MB\.$/,
    );
    await setUploadLimits(t, { maxZipFileSize: 20 << 20 });
    const allowed = await postWorkoutFile(t, token, gz, { fileName: '10.gpx.gz' });
    expectEnvelopeError(allowed, 400, 'fail', 'file extension not allowed');
    await setUploadLimits(t, { maxZipFileSize: 10 << 20 });
  });

  it('10 decompressed (92 MB) → 413 before the body is read', async () => {
    const gpx = gunzipSync(readSharedFixture('hostile', '10_synthetic_1e6_points.gpx.gz'));
    const res = await postWorkoutFile(t, token, gpx, { fileName: '10.gpx' });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(
      /^Error during workout upload, file size \(92\.\dMB\) exceeds 10\.0MB\.$/,
    );
  });
});
