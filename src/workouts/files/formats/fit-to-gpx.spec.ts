import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FitBaseType, FitEncoder } from 'fit-file-parser';
import { fitToGpx } from 'src/workouts/files/formats/fit-to-gpx';
import { WorkoutFileError } from 'src/workouts/files/workout-file.errors';
import { readGpxTracks } from 'test/unit/files-gpx-tracks';

const sample = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'formats', 'three_segments.fit'),
);
const segmentSizes = async (mode: 'all' | 'only_manual' | 'none') =>
  readGpxTracks(await fitToGpx(sample, mode))[0]!.segments.map((s) => s.length);

describe('fitToGpx', () => {
  it('splits segments according to segments_creation_event', async () => {
    await expect(segmentSizes('only_manual')).resolves.toEqual([3, 3, 3]);
    await expect(segmentSizes('all')).resolves.toEqual([2, 1, 3, 3]);
    await expect(segmentSizes('none')).resolves.toEqual([9]);
  });

  it.each([
    ['garbage', Buffer.from('definitely not a FIT file')],
    ['truncated', sample.subarray(0, 60)],
    ['empty', Buffer.alloc(0)],
  ])('refuses a %s file with "error when parsing fit file"', async (_label, data) => {
    const error = await fitToGpx(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkoutFileError);
    expect((error as WorkoutFileError).message).toBe('error when parsing fit file');
    expect((error as WorkoutFileError).httpStatus).toBe(400);
  });

  it('refuses an activity without GPS records', async () => {
    const encoder = new FitEncoder();
    encoder.writeMessage(20, [
      { number: 253, size: 4, baseType: FitBaseType.Uint32, value: 1_000_000_000 },
      { number: 3, size: 1, baseType: FitBaseType.Uint8, value: 120 },
    ]);
    await expect(fitToGpx(Buffer.from(encoder.close()))).rejects.toThrow(
      'no valid segments with GPS found in fit file',
    );
  });
});
