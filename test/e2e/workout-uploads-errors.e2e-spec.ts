import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

import { formatFileSize } from 'src/common/format/file-size';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectInsufficientScope,
  expectInvalidPayload,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser } from 'test/helpers/factories';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import {
  buildMultipart,
  countWorkouts,
  listFiles,
  postMultipart,
  postWorkoutFile,
  readSharedFixture,
  setUploadLimits,
} from 'test/helpers/uploads';
import { createTestApp, type TestApp } from 'test/setup/test-app';
import { buildZip } from 'test/unit/files-zip-builder';

const GPX = readSharedFixture('extra', 'fittrackee_gpx_file.gpx');
const DATA = '{"sport_id": 1}';

describe('POST /api/workouts refusals, in the order of docs/uploads.md#validation', () => {
  let t: TestApp;
  let user: User;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ TILE_SERVER_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' });
    user = await createUser(t.dataSource);
    token = firstPartyToken(t.app, user);
  });
  afterAll(() => t.close());
  beforeEach(() =>
    setUploadLimits(t, {
      maxSingleFileSize: 1 << 20,
      maxZipFileSize: 10 << 20,
      gpxLimitImport: 10,
    }),
  );
  afterEach(async () => {
    expect(await countWorkouts(t, user.id)).toBe(0);
    expect(listFiles(t.config.app.uploadFolder)).toEqual([]);
  });

  it('401 without token, 403 without workouts:write', async () => {
    expectUnauthorized(await request(t.http).post('/api/workouts'));
    const readOnly = await oauth2AccessToken(t.app, user, 'workouts:read');
    expectInsufficientScope(await postWorkoutFile(t, readOnly, GPX));
  });

  it('1. body over max_zip_file_size → 413 with the Content-Length, before anything else', async () => {
    await setUploadLimits(t, { maxSingleFileSize: 1024, maxZipFileSize: 1024 });
    const parts = [{ name: 'file', value: GPX, fileName: 'x.txt' }];
    const { body } = buildMultipart(parts);
    const res = await postMultipart(t, token, parts);
    expectEnvelopeError(
      res,
      413,
      'fail',
      `Error during workout upload, file size (${formatFileSize(body.length)}) exceeds 1.0KB.`,
    );
  });

  it('1. a huge declared body is refused without being read (hostile 10, 92 MB)', async () => {
    const big = Buffer.alloc(96 * 1024 * 1024, 0x20);
    const res = await postMultipart(t, token, [
      { name: 'data', value: DATA },
      { name: 'file', value: big, fileName: '10_synthetic_1e6_points.gpx' },
    ]);
    expect(res.status).toBe(413);
    expect((res.body as { message: string }).message).toMatch(
      /^Error during workout upload, file size \(96\.0MB\) exceeds 10\.0MB\.$/,
    );
  });

  it('2. no file part → 400 "no file part"', async () => {
    expectEnvelopeError(await postWorkoutFile(t, token, null), 400, 'fail', 'no file part');
    const other = await postWorkoutFile(t, token, GPX, { field: 'gpx' });
    expectEnvelopeError(other, 400, 'fail', 'no file part');
  });

  it('3. empty file name → 400 "no selected file"', async () => {
    const res = await postMultipart(t, token, [
      { name: 'data', value: DATA },
      { name: 'file', value: GPX, fileName: '' },
    ]);
    expectEnvelopeError(res, 400, 'fail', 'no selected file');
  });

  it('4. extension → 400 "file extension not allowed" (hostile 10 as .gpx.gz)', async () => {
    for (const fileName of ['workout.txt', 'workout', 'x.gpx.gz']) {
      const res = await postWorkoutFile(t, token, GPX, { fileName });
      expectEnvelopeError(res, 400, 'fail', 'file extension not allowed');
    }
  });

  it('5. a GPX request over max_single_file_size → 413 with that limit; a zip is not bound by it', async () => {
    await setUploadLimits(t, { maxSingleFileSize: 2048 });
    const parts = [
      { name: 'data', value: DATA },
      { name: 'file', value: GPX, fileName: 'a.GPX' },
    ];
    const res = await postMultipart(t, token, parts);
    const size = formatFileSize(buildMultipart(parts).body.length);
    expectEnvelopeError(
      res,
      413,
      'fail',
      `Error during workout upload, file size (${size}) exceeds 2.0KB.`,
    );
    const zip = await buildZip([{ name: 'a.gpx', data: 'x'.repeat(5000), compress: false }]);
    const zipped = await postWorkoutFile(t, token, zip, { fileName: 'a.zip' });
    expectEnvelopeError(
      zipped,
      400,
      'fail',
      'at least one file in zip archive exceeds size limit, please check the archive',
    );
  });

  it('6. data missing, not JSON, empty or without sport_id → 400 "invalid payload"', async () => {
    for (const data of [null, '', 'not json', '{}', '[]', '{"notes": "x"}', '{"sport_id": null}']) {
      expectInvalidPayload(await postWorkoutFile(t, token, GPX, { data }));
    }
  });

  it('7. unknown sport → 400 "Sport id: <id> does not exist" (500 in the reference)', async () => {
    const res = await postWorkoutFile(t, token, GPX, { data: '{"sport_id": 999}' });
    expectEnvelopeError(res, 400, 'error', 'Sport id: 999 does not exist');
    const text = await postWorkoutFile(t, token, GPX, { data: '{"sport_id": "abc"}' });
    expectEnvelopeError(text, 400, 'error', 'Sport id: abc does not exist');
    // The file is read as it arrives, but its refusal (rule 9) still comes after the sport's.
    const broken = readSharedFixture('hostile', '02_truncated.gpx');
    const both = await postWorkoutFile(t, token, broken, { data: '{"sport_id": 999}' });
    expectEnvelopeError(both, 400, 'error', 'Sport id: 999 does not exist');
    expectInvalidPayload(await postWorkoutFile(t, token, broken, { data: '{}' }));
  });

  it('8. zip: too many files, a member too large, nothing at the top level', async () => {
    await setUploadLimits(t, { gpxLimitImport: 2 });
    const three = await buildZip(['a', 'b', 'c'].map((n) => ({ name: `${n}.gpx`, data: GPX })));
    expectEnvelopeError(
      await postWorkoutFile(t, token, three, { fileName: 'three.zip' }),
      400,
      'fail',
      'the number of files in the archive exceeds the limit',
    );
    const nested = await buildZip([{ name: 'folder/a.gpx', data: GPX }]);
    const res = await postWorkoutFile(t, token, nested, { fileName: 'nested.zip' });
    expect({ code: res.status, body: res.body as unknown }).toEqual({
      code: 400,
      body: { status: 'fail', data: { workouts: [] } },
    });
  });

  it('9. GPX content errors → 400 with the reference messages', async () => {
    const cases: [string, string][] = [
      ['01_not_xml.gpx', 'gpx file is invalid'],
      ['03_no_tracks_route_only.gpx', 'no tracks in gpx file'],
      ['04_no_time.gpx', '<time> is missing in gpx file'],
    ];
    for (const [name, message] of cases) {
      const res = await postWorkoutFile(t, token, readSharedFixture('hostile', name), {
        fileName: name,
      });
      expectEnvelopeError(res, 400, 'error', message);
    }
  });

  it('10. notes over 500 characters → 400 "error when saving workout"', async () => {
    const data = JSON.stringify({ sport_id: 1, notes: 'n'.repeat(501) });
    const res = await postWorkoutFile(t, token, GPX, { data });
    expectEnvelopeError(res, 400, 'error', 'error when saving workout');
  });

  it('a zip inside the zip is refused as an invalid GPX file, as the reference reads it', async () => {
    const inner = await buildZip([{ name: 'inner.gpx', data: GPX }]);
    const zip = await buildZip([
      { name: 'good.gpx', data: GPX },
      { name: 'inner.zip', data: inner },
    ]);
    const res = await postWorkoutFile(t, token, zip, { fileName: 'outer.zip' });
    expectEnvelopeError(res, 400, 'error', 'gpx file is invalid');
  });

  it('a failing file in a zip leaves no workout, no row and no file behind', async () => {
    const zip = await buildZip([
      { name: 'good.gpx', data: GPX },
      { name: 'also-good.gpx', data: GPX },
      { name: 'bad.gpx', data: readSharedFixture('hostile', '04_no_time.gpx') },
    ]);
    const res = await postWorkoutFile(t, token, zip, { fileName: 'mixed.zip' });
    expectEnvelopeError(res, 400, 'error', '<time> is missing in gpx file');
  });

  it('a client that leaves mid-upload leaves no file behind (the GPX was being stored)', async () => {
    const server = t.http as unknown as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    // Under max_single_file_size (1 MB here), so that it may be stored as it arrives.
    const gpx = Buffer.concat([GPX, Buffer.alloc(256 << 10, ' ')]);
    const { body, contentType } = buildMultipart([
      { name: 'data', value: DATA },
      { name: 'file', value: gpx, fileName: 'a.gpx' },
    ]);
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /api/workouts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, body.length >> 1));
    try {
      // The file part is on its way to disk before the request is complete...
      await waitFor(() => listFiles(t.config.app.uploadFolder).length === 1);
    } finally {
      socket.destroy();
    }
    // ...and gone once the client has left.
    await waitFor(() => listFiles(t.config.app.uploadFolder).length === 0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
