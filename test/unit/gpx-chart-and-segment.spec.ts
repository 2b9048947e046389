import { readFileSync } from 'node:fs';
import path from 'node:path';

import { chartData } from 'src/workouts/gpx/chart-data';
import { segmentGpx } from 'src/workouts/gpx/segment-gpx';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';

const fixture = (dir: string, name: string): Buffer =>
  readFileSync(path.join(sharedFixturesDir(), dir, name));
const THREE_SEGMENTS = fixture('gpx', 'fittrackee_fixture_3_segments.gpx');
const time = (hms: string): string => `Tue, 13 Mar 2018 ${hms} GMT`;

/**
 * Expected values produced by FitTrackee 0.7.32 `get_chart_data` (gpxpy 1.6.2) on the same files.
 */
describe('chartData (FitTrackee `GET /api/workouts/<workout_id>/chart_data`)', () => {
  it('gives the reference first and last points of FitTrackee’s test file', async () => {
    const points = (await chartData(fixture('extra', 'fittrackee_gpx_file.gpx')))!;

    expect(points).toHaveLength(25);
    expect(points[0]).toEqual({
      distance: 0.0,
      duration: 0,
      elevation: 998.0,
      latitude: 44.68095,
      longitude: 6.07367,
      speed: 3.21,
      time: time('12:44:45'),
    });
    expect(points[24]).toEqual({
      distance: 0.32,
      duration: 250,
      elevation: 975.0,
      latitude: 44.67822,
      longitude: 6.07442,
      speed: 4.33,
      time: time('12:48:55'),
    });
  });

  it('counts the steps between segments and computes speeds within each segment', async () => {
    const points = (await chartData(THREE_SEGMENTS))!;

    expect(points.map((p) => [p.distance, p.duration, p.speed, p.elevation, p.time])).toEqual([
      [0.0, 0, 3.21, 998, time('12:44:50')],
      [0.0, 5, 6.32, 998, time('12:44:55')],
      [0.02, 10, 9.43, 994, time('12:45:00')],
      [0.14, 70, 4.84, 987, time('12:46:00')],
      [0.14, 75, 4.54, 987, time('12:46:05')],
      [0.15, 80, 4.23, 986, time('12:46:10')],
      [0.27, 140, 13.83, 980, time('12:47:10')],
      [0.29, 145, 8.94, 979, time('12:47:15')],
      [0.3, 150, 4.05, 979, time('12:47:20')],
    ]);
  });

  it('restarts distance and duration for one segment (1-based id)', async () => {
    const points = (await chartData(THREE_SEGMENTS, 2))!;

    expect(points.map((p) => [p.distance, p.duration, p.speed])).toEqual([
      [0.0, 0, 4.84],
      [0.01, 5, 4.54],
      [0.01, 10, 4.23],
    ]);
  });

  it('has no durations when the first segment is empty (reference quirk)', async () => {
    const points = (await chartData(fixture('gpx', 'gc_urbanbiker.gpx')))!;

    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.duration === null)).toBe(true);
  });

  it('omits elevation when the file has none and returns null without tracks', async () => {
    const noEle =
      '<gpx><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>';

    expect((await chartData(Buffer.from(noEle)))![0]).not.toHaveProperty('elevation');
    expect(await chartData(Buffer.from('<gpx><rte/></gpx>'))).toBeNull();
  });

  it.each([
    [0, 400, 'Incorrect segment id'],
    [4, 404, "No segment with id '4'"],
  ])('segment %p → %p %p', async (segmentId, httpStatus, message) => {
    await expect(chartData(THREE_SEGMENTS, segmentId)).rejects.toMatchObject({
      httpStatus,
      body: { message },
    });
  });
});

/**
 * Expected text produced by FitTrackee 0.7.32 `extract_segment_from_gpx_file` (gpxpy 1.6.2
 * `to_xml`).
 */
describe('segmentGpx (FitTrackee `GET /api/workouts/<workout_id>/gpx`)', () => {
  const HEADER =
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd" version="1.1" creator="gpx.py -- https://github.com/tkrajina/gpxpy">\n  <trk>\n    <trkseg>';

  it('writes one segment with latitude, longitude and elevation only', async () => {
    const point = (lat: string, lon: string, ele: string): string =>
      `\n      <trkpt lat="${lat}" lon="${lon}">\n        <ele>${ele}</ele>\n      </trkpt>`;

    expect(await segmentGpx(THREE_SEGMENTS, 2)).toBe(
      HEADER +
        point('44.67972', '6.07367', '987.0') +
        point('44.67966', '6.07368', '987.0') +
        point('44.67961', '6.0737', '986.0') +
        '\n    </trkseg>\n  </trk>\n</gpx>',
    );
  });

  it('writes an empty segment', async () => {
    expect(await segmentGpx(fixture('gpx', 'gc_urbanbiker.gpx'), 1)).toBe(
      `${HEADER}\n    </trkseg>\n  </trk>\n</gpx>`,
    );
  });

  it('refuses segment 0', async () => {
    await expect(segmentGpx(THREE_SEGMENTS, 0)).rejects.toThrow('Incorrect segment id');
  });
});
