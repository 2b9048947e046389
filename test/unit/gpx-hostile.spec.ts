import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';

import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';

const HOSTILE_DIR = path.join(sharedFixturesDir(), 'hostile');
const OPTIONS = { stoppedSpeedThreshold: 1, useRawGpxSpeed: false };

/**
 * Hostile fixtures 01–06 (docs/uploads.md#hostile-input): a 400 with FitTrackee's message, fast, no
 * expansion.
 */
describe('hostile GPX files (fixtures/hostile)', () => {
  it.each([
    ['01_not_xml.gpx', 'gpx file is invalid'],
    ['02_truncated.gpx', 'gpx file is invalid'],
    ['03_no_tracks_route_only.gpx', 'no tracks in gpx file'],
    ['04_no_time.gpx', '<time> is missing in gpx file'],
    ['05_billion_laughs.gpx', 'gpx file is invalid'],
    ['06_xxe_etc_passwd.gpx', 'gpx file is invalid'],
  ])('%s → 400 %p', async (file, message) => {
    const content = readFileSync(path.join(HOSTILE_DIR, file));
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();

    const error: unknown = await analyzeGpx(content, OPTIONS).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GpxError);
    expect(error).toMatchObject({ httpStatus: 400, status: 'error', body: { message } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it.each(['05_billion_laughs.gpx', '06_xxe_etc_passwd.gpx', '02_truncated.gpx'])(
    '%s is refused the same way when streamed',
    async (file) => {
      const stream = createReadStream(path.join(HOSTILE_DIR, file), { highWaterMark: 64 });

      await expect(analyzeGpx(stream, OPTIONS)).rejects.toMatchObject({
        code: 'invalid',
        message: 'gpx file is invalid',
      });
      expect(stream.destroyed).toBe(true);
    },
  );

  it('never shows local file content, even inside a valid track', async () => {
    const xxe = readFileSync(path.join(HOSTILE_DIR, '06_xxe_etc_passwd.gpx'), 'utf8');
    const error: unknown = await analyzeGpx(Buffer.from(xxe), OPTIONS).catch((e: unknown) => e);

    expect(JSON.stringify(error)).not.toContain('root:');
    expect(String(error)).not.toContain('root:');
  });
});
