import { assertStorableFigures } from 'src/workouts/file-uploads/storable-figures';
import type { GpxAnalysis, GpxFigures } from 'src/workouts/gpx/gpx-types';

const FIGURES: GpxFigures = {
  durationSeconds: 3600,
  movingSeconds: 3600,
  pausesSeconds: 0,
  distanceKm: 1300,
  aveSpeedKmh: 1300,
  maxSpeedKmh: 72_000_000,
  minAltitude: -11_000,
  maxAltitude: 50_000,
  ascent: 150_000,
  descent: 150_000,
};

function analysis(total: Partial<GpxFigures>, segment: Partial<GpxFigures> = {}): GpxAnalysis {
  return {
    ...FIGURES,
    ...total,
    name: null,
    start: new Date(0),
    startMicros: 0,
    bounds: [],
    gapsSeconds: 0,
    segments: [
      { ...FIGURES, segmentId: 0, start: new Date(0) },
      { ...FIGURES, ...segment, segmentId: 1, start: new Date(0) },
    ],
  };
}

describe('assertStorableFigures', () => {
  it('lets through long tours, big climbs and one-second GPS jumps', () => {
    expect(() => {
      assertStorableFigures(analysis({}));
    }).not.toThrow();
  });

  it.each<[Partial<GpxFigures>, string]>([
    [{ distanceKm: 2e7 }, 'distance (20000000 km) exceeds 9999999.999 km'],
    [{ maxSpeedKmh: 7.2e10 }, 'max_speed (72000000000 km/h) exceeds 99999999.99 km/h'],
    [{ aveSpeedKmh: Infinity }, 'ave_speed (Infinity km/h) exceeds 99999999.99 km/h'],
    [{ ascent: 1e11 }, 'ascent (100000000000 m) exceeds 99999999.999 m'],
  ])('refuses %p with a 400 naming the figure', (total, text) => {
    expect(() => {
      assertStorableFigures(analysis(total));
    }).toThrow(`error when saving workout: ${text}`);
  });

  it('names the segment whose figure does not fit', () => {
    expect(() => {
      assertStorableFigures(analysis({}, { maxSpeedKmh: 1e9 }));
    }).toThrow(
      'error when saving workout: max_speed (1000000000 km/h) exceeds 99999999.99 km/h in segment 2',
    );
  });
});
