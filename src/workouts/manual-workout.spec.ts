import { AppError } from 'src/common/errors/app-error';
import {
  assertStorableDistance,
  manualSpeed,
  parseElevationPair,
} from 'src/workouts/manual-workout';

describe('manual workout values (FitTrackee `POST /api/workouts/no_gpx`)', () => {
  it('divides the distance by the seconds part of the duration', () => {
    expect(manualSpeed(10, 3600)).toBe(10);
    expect(manualSpeed(100, 25 * 3600)).toBe(100);
    expect(manualSpeed(100, 30 * 3600)).toBeCloseTo(16.6667, 4);
  });

  it('has no speed for whole days', () => {
    expect(manualSpeed(100, 86400)).toBeNull();
    expect(manualSpeed(100, 2 * 86400)).toBeNull();
  });

  it('keeps the speeds of fast sports and GPS jumps that numeric(10,2) holds', () => {
    expect(manualSpeed(999, 60)).toBeCloseTo(59940, 6);
    expect(manualSpeed(99999999.99 / 3600, 1)).toBeCloseTo(99999999.99, 4);
  });

  it('refuses, naming it, an average speed that numeric(10,2) cannot hold', () => {
    expect(() => manualSpeed(1e6, 1)).toThrow(
      'invalid payload: ave_speed (3600000000 km/h) exceeds 99999999.99 km/h',
    );
  });

  it.each([
    [9999999.999, true],
    [9999999.9994, true],
    [9999999.9995, false],
    [1e300, false],
  ])('distance %p is storable: %p', (distance, isStorable) => {
    const check = (): void => {
      assertStorableDistance(distance);
    };
    if (isStorable) expect(check).not.toThrow();
    else expect(check).toThrow(/^invalid payload: distance \(.+ km\) exceeds 9999999\.999 km$/);
  });

  it.each([
    [undefined, undefined, { ascent: null, descent: null }],
    [null, null, { ascent: null, descent: null }],
    [10, 5.5, { ascent: 10, descent: 5.5 }],
    ['10', ' 2.5 ', { ascent: 10, descent: 2.5 }],
    [0, 0, { ascent: 0, descent: 0 }],
  ])('accepts ascent %p with descent %p', (ascent, descent, expected) => {
    expect(parseElevationPair(ascent, descent)).toEqual(expected);
  });

  it.each([
    [10, undefined],
    [null, 100],
    [-1, 10],
    [1, 'high'],
    [1, true],
    [1, 'NaN'],
    [1, 1e9],
  ])('refuses ascent %p with descent %p', (ascent, descent) => {
    expect(() => parseElevationPair(ascent, descent)).toThrow(AppError);
  });

  it('accepts the largest storable ascent and names the field past it', () => {
    expect(parseElevationPair(99999999.999, '0')).toEqual({ ascent: 99999999.999, descent: 0 });
    expect(() => parseElevationPair(1, 1e8)).toThrow(
      'invalid payload: descent (100000000 m) exceeds 99999999.999 m',
    );
  });
});
