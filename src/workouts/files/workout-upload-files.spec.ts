import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  FileExtensionNotAllowedError,
  WorkoutFileError,
  ZipTooManyFilesError,
} from 'src/workouts/files/workout-file.errors';
import {
  isAllowedUploadName,
  readUploadedWorkoutFiles,
} from 'src/workouts/files/workout-upload-files';
import { readGpxTracks } from 'test/unit/files-gpx-tracks';
import { buildZip } from 'test/unit/files-zip-builder';

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'formats', name));
const limits = { gpxLimitImport: 10, maxSingleFileSize: 1024 * 1024 };

describe('readUploadedWorkoutFiles', () => {
  it('accepts the FitTrackee extensions and the added formats, case-insensitively', () => {
    expect(['a.GPX', 'b.zip', 'c.Fit', 'd.tcx', 'e.kml', 'f.KMZ'].every(isAllowedUploadName)).toBe(
      true,
    );
    expect(['a.gpx.gz', 'b', 'c.txt'].some(isAllowedUploadName)).toBe(false);
  });

  it('converts a single file', async () => {
    const [file] = await readUploadedWorkoutFiles('run.fit', fixture('run.fit'), limits);
    expect(file!.name).toBe('run.fit');
    expect(readGpxTracks(file!.gpx)[0]!.segments[0]).toHaveLength(206);
  });

  it('converts every top-level workout file of a zip, mixed formats, in order', async () => {
    const zip = await buildZip([
      { name: 'a.gpx', data: fixture('run.gpx') },
      { name: 'b.tcx', data: fixture('run.tcx') },
      { name: 'c.kmz', data: fixture('run.kmz') },
      { name: 'd.fit', data: fixture('three_segments.fit') },
    ]);
    const files = await readUploadedWorkoutFiles('upload.ZIP', zip, limits);
    expect(files.map((f) => f.name)).toEqual(['a.gpx', 'b.tcx', 'c.kmz', 'd.fit']);
    expect(files[0]!.gpx).toEqual(fixture('run.gpx'));
    expect(readGpxTracks(files[3]!.gpx)[0]!.segments).toHaveLength(3);
  });

  it('fails the whole archive on one bad member', async () => {
    const zip = await buildZip([
      { name: 'a.tcx', data: fixture('run.tcx') },
      { name: 'b.tcx', data: '<TrainingCenterDatabase>' },
    ]);
    await expect(readUploadedWorkoutFiles('u.zip', zip, limits)).rejects.toThrow(WorkoutFileError);
  });

  it('applies the zip limits and refuses other extensions', async () => {
    const zip = await buildZip([
      { name: 'a.gpx', data: 'x' },
      { name: 'b.fit', data: 'x' },
    ]);
    await expect(
      readUploadedWorkoutFiles('u.zip', zip, { ...limits, gpxLimitImport: 1 }),
    ).rejects.toThrow(ZipTooManyFilesError);
    await expect(readUploadedWorkoutFiles('a.txt', Buffer.from('x'), limits)).rejects.toThrow(
      FileExtensionNotAllowedError,
    );
  });
});
