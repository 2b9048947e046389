import { readFileSync } from 'node:fs';
import path from 'node:path';

import { toHttpDate } from 'src/common/format/http-date';
import { formatTimedelta } from 'src/common/format/timedelta';
import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { toStoredFigures } from 'src/workouts/gpx/stored-figures';
import { gpxWorkoutTitle } from 'src/workouts/gpx/workout-title';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';

const FILE = path.join(sharedFixturesDir(), 'extra', 'fittrackee_gpx_file.gpx');
const ONE_SEGMENT = readFileSync(FILE, 'utf8');
// FitTrackee's `gpx_file_with_segments`: the same points, split after 12:46:15.
const TWO_SEGMENTS = ONE_SEGMENT.replace(
  '</trkpt>      <trkpt lat="44.67977"',
  '</trkpt>    </trkseg>    <trkseg>      <trkpt lat="44.67977"',
);
const WITHOUT_NAME = ONE_SEGMENT.replace('<name>just a workout</name>', '');
const CYCLING = { stoppedSpeedThreshold: 1, useRawGpxSpeed: false };

/** docs/uploads.md#computed "Reference fixture results". */
describe("FitTrackee's own test GPX file (fixtures/extra)", () => {
  it('gives the reference figures for one segment', async () => {
    const analysis = await analyzeGpx(Buffer.from(ONE_SEGMENT), CYCLING);
    const stored = toStoredFigures(analysis);

    expect(formatTimedelta(stored.duration)).toBe('0:04:10');
    expect(formatTimedelta(stored.moving)).toBe('0:04:10');
    expect(stored.pauses).toBe(0);
    expect(stored).toMatchObject({ distance: 0.32, aveSpeed: 4.61, maxSpeed: 5.12 });
    expect(stored).toMatchObject({ ascent: 0.4, descent: 23.4, minAlt: 975.0, maxAlt: 998.0 });
    expect(toHttpDate(analysis.start!)).toBe('Tue, 13 Mar 2018 12:44:45 GMT');
    expect(analysis.name).toBe('just a workout');
  });

  it('gives 5.25 km/h max speed with the raw-speed option', async () => {
    const analysis = await analyzeGpx(Buffer.from(ONE_SEGMENT), {
      ...CYCLING,
      useRawGpxSpeed: true,
    });

    expect(toStoredFigures(analysis).maxSpeed).toBe(5.25);
  });

  it('counts the gap between two segments as pause and duration', async () => {
    const analysis = await analyzeGpx(Buffer.from(TWO_SEGMENTS), CYCLING);
    const stored = toStoredFigures(analysis);

    expect(analysis.segments).toHaveLength(2);
    expect(formatTimedelta(stored.duration)).toBe('0:04:10');
    expect(formatTimedelta(stored.moving)).toBe('0:03:55');
    expect(formatTimedelta(stored.pauses)).toBe('0:00:15');
    expect(stored).toMatchObject({ distance: 0.3, aveSpeed: 4.59, maxSpeed: 5.25 });
  });

  it('titles a workout without <name> from the sport and the start in the user time zone', async () => {
    const analysis = await analyzeGpx(Buffer.from(WITHOUT_NAME), CYCLING);

    expect(analysis.name).toBeNull();
    expect(gpxWorkoutTitle(analysis.name, 'Cycling', analysis.start!, null)).toBe(
      'Cycling - 2018-03-13 12:44:45',
    );
    expect(gpxWorkoutTitle(analysis.name, 'Cycling', analysis.start!, 'Europe/Paris')).toBe(
      'Cycling - 2018-03-13 13:44:45',
    );
  });
});
