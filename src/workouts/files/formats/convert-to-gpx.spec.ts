import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { convertToGpx } from 'src/workouts/files/formats/convert-to-gpx';
import type { TrackPoint } from 'src/workouts/files/formats/track';
import { FileExtensionNotAllowedError } from 'src/workouts/files/workout-file.errors';
import { readGpxTracks } from 'test/unit/files-gpx-tracks';

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'formats', name));
const options = { maxSingleFileSize: 1024 * 1024 };
const convert = async (name: string) =>
  readGpxTracks(await convertToGpx(name, fixture(name), options));

const [run] = readGpxTracks(fixture('run.gpx'));
const [threeSegments] = readGpxTracks(fixture('three_segments.gpx'));

/** FIT stores semicircles and altitude in 0.2 m steps: compare within those resolutions. */
function expectSamePoints(actual: TrackPoint[], expected: TrackPoint[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((point, i) => {
    const source = expected[i]!;
    expect(point.latitude).toBeCloseTo(source.latitude, 6);
    expect(point.longitude).toBeCloseTo(source.longitude, 6);
    expect(Math.abs(point.elevation! - source.elevation!)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(Date.parse(point.time!)).toBe(Date.parse(source.time!));
  });
}

describe('convertToGpx on the format samples', () => {
  it('returns a .gpx file unchanged', async () => {
    await expect(convertToGpx('a.GPX', fixture('run.gpx'), options)).resolves.toEqual(
      fixture('run.gpx'),
    );
  });

  it('refuses an extension no converter handles', async () => {
    await expect(convertToGpx('a.txt', Buffer.from('x'), options)).rejects.toThrow(
      FileExtensionNotAllowedError,
    );
  });

  it('TCX keeps every point, time and elevation exactly (one segment per activity)', async () => {
    const tracks = await convert('run.tcx');
    expect(tracks).toHaveLength(1);
    expect(tracks[0]!.name).toBeNull();
    expect(tracks[0]!.segments).toEqual(run!.segments);
  });

  it.each(['run.kml', 'run.kmz'])(
    '%s keeps every point, time and elevation exactly',
    async (name) => {
      const tracks = await convert(name);
      expect(tracks).toEqual([{ name: 'Untitled', segments: run!.segments }]);
    },
  );

  it('KML keeps one segment per gx:Track of the multi-track', async () => {
    const tracks = await convert('three_segments.kml');
    expect(tracks).toEqual([{ name: 'just a workout', segments: threeSegments!.segments }]);
  });

  it('FIT keeps points, times and elevations within the format resolution', async () => {
    const [track] = await convert('run.fit');
    expect(track!.segments).toHaveLength(1);
    expectSamePoints(track!.segments[0]!, run!.segments[0]!);
  });

  it('FIT starts a segment at each manual timer stop, not at auto-pauses', async () => {
    const [track] = await convert('three_segments.fit');
    expect(track!.segments).toHaveLength(3);
    track!.segments.forEach((segment, i) => {
      expectSamePoints(segment, threeSegments!.segments[i]!);
    });
  });
});
