import { mapPoints } from 'src/workouts/file-uploads/map-points';
import { parseGpxSync } from 'src/workouts/gpx/gpx-parser';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

describe('mapPoints', () => {
  it('keeps first and last points and drops sub-pixel steps of a dense track', () => {
    const parsed = parseGpxSync(syntheticGpx({ points: 100_000 }));
    const segment = parsed.tracks[0]?.segments[0];
    const { lats, lons } = mapPoints(parsed);
    expect(lats.length).toBeLessThan(20_000);
    expect(lats.length).toBeGreaterThan(1_000);
    expect([lats[0], lons[0]]).toEqual([segment?.lat[0], segment?.lon[0]]);
    expect([lats[lats.length - 1], lons[lons.length - 1]]).toEqual([
      segment?.lat[99_999],
      segment?.lon[99_999],
    ]);
  });

  it('keeps every point of a sparse track, across segments', () => {
    const gpx = Buffer.from(
      '<gpx><trk><trkseg><trkpt lat="1" lon="1"/><trkpt lat="2" lon="2"/></trkseg>' +
        '<trkseg><trkpt lat="3" lon="1"/></trkseg></trk></gpx>',
    );
    expect(mapPoints(parseGpxSync(gpx))).toEqual({
      lats: new Float64Array([1, 2, 3]),
      lons: new Float64Array([1, 2, 1]),
    });
  });
});
