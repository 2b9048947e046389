import { readFileSync } from 'node:fs';

import {
  ZipMemberTooLargeError,
  ZipTooManyFilesError,
  ZipUnsafeEntryError,
} from 'src/workouts/files/workout-file.errors';
import { extractWorkoutFiles } from 'src/workouts/files/zip/workout-zip';
import { sharedFixture } from 'test/helpers/shared-fixtures';
import { forgeDeclaredSize } from 'test/unit/files-zip-builder';

/** FitTrackee's default app config, the limits docs/uploads.md#limits describes. */
const limits = { gpxLimitImport: 10, maxSingleFileSize: 1024 * 1024 };
const hostile = (name: string): Buffer => readFileSync(sharedFixture('hostile', name));

async function refusal(zip: Buffer): Promise<{ error: unknown; ms: number; heapMb: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const error = await extractWorkoutFiles(zip, limits).catch((e: unknown) => e);
  return {
    error,
    ms: performance.now() - started,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
}

describe('hostile zip archives', () => {
  it('07 path traversal: the whole archive is refused before anything is inflated', async () => {
    const { error } = await refusal(hostile('07_zip_path_traversal.zip'));
    expect(error).toBeInstanceOf(ZipUnsafeEntryError);
    expect((error as ZipUnsafeEntryError).httpStatus).toBe(400);
  });

  it('08 zip bomb: refused on its declared size, quickly', async () => {
    const { error, ms } = await refusal(hostile('08_zip_bomb.zip'));
    expect(error).toBeInstanceOf(ZipMemberTooLargeError);
    expect((error as ZipMemberTooLargeError).body).toEqual({
      message: 'at least one file in zip archive exceeds size limit, please check the archive',
    });
    expect(ms).toBeLessThan(1000);
  });

  it('08 zip bomb with a forged small header: inflation stops at the cap', async () => {
    const { error, ms, heapMb } = await refusal(
      forgeDeclaredSize(hostile('08_zip_bomb.zip'), 1000),
    );
    expect(error).toBeInstanceOf(ZipMemberTooLargeError);
    expect(ms).toBeLessThan(2000);
    expect(heapMb).toBeLessThan(64);
  });

  it('09 200 files: too many files for gpx_limit_import', async () => {
    const { error, ms } = await refusal(hostile('09_zip_200_gpx.zip'));
    expect(error).toBeInstanceOf(ZipTooManyFilesError);
    expect((error as ZipTooManyFilesError).body).toEqual({
      message: 'the number of files in the archive exceeds the limit',
    });
    expect(ms).toBeLessThan(1000);
  });

  it('reads an archive from a file path as well', async () => {
    const error = await extractWorkoutFiles(sharedFixture('hostile', '09_zip_200_gpx.zip'), limits)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipTooManyFilesError);
    const members = await extractWorkoutFiles(sharedFixture('hostile', '09_zip_200_gpx.zip'), {
      ...limits,
      gpxLimitImport: 500,
    });
    expect(members).toHaveLength(200);
  });

  it('09 200 files: imported when the limit allows them', async () => {
    const members = await extractWorkoutFiles(hostile('09_zip_200_gpx.zip'), {
      ...limits,
      gpxLimitImport: 200,
    });
    expect(members).toHaveLength(200);
    expect(members[0]!.name).toBe('track_001.gpx');
    expect(members[0]!.data.toString('utf8')).toContain('<trkpt');
  });
});
