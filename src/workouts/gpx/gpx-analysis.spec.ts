import { analyzeGpx, assertProcessable } from 'src/workouts/gpx/analyze-gpx';
import { analyzeParsedGpx } from 'src/workouts/gpx/gpx-analysis';
import { distance2d, distance3d } from 'src/workouts/gpx/gpx-distance';
import type { GpxSegmentPoints, ParsedGpx } from 'src/workouts/gpx/gpx-types';

type Point = [lat: number, lon: number, ele: number | null, seconds: number | null];
const T0 = Date.parse('2020-05-01T10:00:00Z') * 1000;

function segment(points: Point[], naive = false): GpxSegmentPoints {
  const column = (i: number, f: (v: number | null) => number): Float64Array =>
    Float64Array.from(points.map((p) => f(p[i] as number | null)));
  return {
    count: points.length,
    lat: column(0, (v) => v ?? 0),
    lon: column(1, (v) => v ?? 0),
    ele: column(2, (v) => v ?? NaN),
    time: column(3, (v) => (v === null ? NaN : T0 + v * 1e6)),
    hasNaiveTimes: naive,
    hasAwareTimes: !naive,
    hasInvalidOffset: false,
  };
}

const file = (...tracks: GpxSegmentPoints[][]): ParsedGpx => ({
  tracks: tracks.map((segments) => ({ name: null, segments })),
});
const OPTIONS = { stoppedSpeedThreshold: 1, useRawGpxSpeed: false };
// ~11.1 m per 0.0001° of latitude.
const walk: Point[] = [0, 1, 2, 3, 4].map((i) => [45 + i * 0.0001, 6, 100, i * 10]);

describe('analyzeParsedGpx quirks (docs/uploads.md#computed)', () => {
  it('counts zero-distance pairs neither as moving nor as stopped', () => {
    const a = analyzeParsedGpx(file([segment([...walk, [45.0004, 6, 100, 100]])]), OPTIONS);

    expect(a.durationSeconds).toBe(100);
    expect(a.movingSeconds + a.pausesSeconds).toBe(40);
  });

  it('treats a threshold of 0 as 1 km/h', () => {
    const slow = segment([
      [45, 6, null, 0],
      [45.0001, 6, null, 3600],
    ]);

    const zero = analyzeParsedGpx(file([slow]), { ...OPTIONS, stoppedSpeedThreshold: 0 });
    const half = analyzeParsedGpx(file([slow]), { ...OPTIONS, stoppedSpeedThreshold: 0.001 });

    expect(zero.pausesSeconds).toBe(3600);
    expect(half.movingSeconds).toBe(3600);
  });

  it('uses 3D distance only when both elevations are non-zero', () => {
    const withZero = analyzeParsedGpx(
      file([
        segment([
          [45, 6, 0, 0],
          [45.0001, 6, 50, 10],
        ]),
      ]),
      OPTIONS,
    );
    const with3d = analyzeParsedGpx(
      file([
        segment([
          [45, 6, 1, 0],
          [45.0001, 6, 50, 10],
        ]),
      ]),
      OPTIONS,
    );

    expect(withZero.distanceKm * 1000).toBe(distance2d(45.0001, 6, 45, 6));
    expect(with3d.distanceKm * 1000).toBe(distance3d(45.0001, 6, 50, 45, 6, 1));
  });

  it('adds the gaps between first-track segments to duration and pauses', () => {
    const second = walk.map(([la, lo, e, t]): Point => [la, lo, e, (t ?? 0) + 100]);
    const a = analyzeParsedGpx(file([segment(walk), segment(second)]), OPTIONS);

    expect(a.gapsSeconds).toBe(60);
    expect(a.durationSeconds).toBe(140);
    expect(a.pausesSeconds).toBe(60);
    expect(a.segments.map((s) => s.durationSeconds)).toEqual([40, 40]);
  });

  it('keeps only the gaps as duration when a segment ends before it starts', () => {
    const backwards = segment([
      [45, 6, 1, 50],
      [45.001, 6, 1, 0],
    ]);

    expect(analyzeParsedGpx(file([segment(walk), backwards]), OPTIONS).durationSeconds).toBe(10);
  });

  it('sums totals over all tracks but takes segments and max speed from the first', () => {
    const fast: Point[] = [0, 1, 2, 3].map((i) => [46 + i * 0.01, 7, null, i]);
    const a = analyzeParsedGpx(file([segment(walk)], [segment(fast)]), OPTIONS);
    const firstOnly = analyzeParsedGpx(file([segment(walk)]), OPTIONS);

    expect(a.segments).toHaveLength(1);
    expect(a.maxSpeedKmh).toBe(firstOnly.maxSpeedKmh);
    expect(a.distanceKm).toBeGreaterThan(firstOnly.distanceKm + 3);
    expect(a.bounds).toEqual([45, 6, 46.03, 7]);
  });

  it('has no bounds when a bound is exactly 0 (gpxpy falsy test)', () => {
    const equator = segment([
      [0, 6, null, 0],
      [0.001, 6, null, 10],
    ]);

    expect(analyzeParsedGpx(file([equator]), OPTIONS).bounds).toEqual([]);
  });

  it('smooths elevations 0.3/0.4/0.3 for ascent and descent', () => {
    const hill: Point[] = [100, 110, 100, 120].map((e, i) => [45 + i * 0.0001, 6, e, i * 10]);
    const a = analyzeParsedGpx(file([segment(hill)]), OPTIONS);

    // smoothed: 100, 30+44+30=104, 33+40+36=109, 120
    expect(a.ascent).toBeCloseTo(20, 10);
    expect(a.descent).toBe(0);
    expect([a.minAltitude, a.maxAltitude]).toEqual([100, 120]);
  });

  it('reports null elevations when the file has none', () => {
    const flat = walk.map(([la, lo, , t]): Point => [la, lo, null, t]);
    const a = analyzeParsedGpx(file([segment(flat)]), OPTIONS);

    expect([a.ascent, a.descent, a.minAltitude, a.maxAltitude]).toEqual([null, null, null, null]);
  });
});

describe('assertProcessable (FitTrackee get_gpx_info refusals)', () => {
  it('refuses a first-track point without time', () => {
    const missing = segment([...walk, [45.1, 6, 1, null]]);

    expect(() => {
      assertProcessable(file([missing]));
    }).toThrow('<time> is missing in gpx file');
    expect(() => {
      assertProcessable(file([segment(walk)], [missing]));
    }).not.toThrow();
  });

  it('refuses times with and without offset in one track (Python TypeError)', () => {
    expect(() => {
      assertProcessable(file([segment(walk), segment(walk, true)]));
    }).toThrow('error during gpx file parsing');
  });

  it('refuses a first track without points (no start)', async () => {
    const xml =
      '<gpx><trk><trkseg/></trk><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>';

    await expect(analyzeGpx(Buffer.from(xml), OPTIONS)).rejects.toThrow(
      'error during gpx processing',
    );
  });
});
