import { AppError } from 'src/common/errors/app-error';
import { manualSpeed, parseElevationPair } from 'src/workouts/manual-workout';

describe('manual workout values (spec workouts.md §5)', () => {
  it('divides the distance by the seconds part of the duration', () => {
    expect(manualSpeed(10, 3600)).toBe(10);
    expect(manualSpeed(100, 25 * 3600)).toBe(100);
    expect(manualSpeed(100, 30 * 3600)).toBeCloseTo(16.6667, 4);
  });

  it('has no speed for whole days', () => {
    expect(manualSpeed(100, 86400)).toBeNull();
    expect(manualSpeed(100, 2 * 86400)).toBeNull();
  });

  it('refuses speeds that numeric(6,2) cannot hold', () => {
    expect(() => manualSpeed(999, 60)).toThrow(AppError);
    expect(manualSpeed(9999.99 / 3600, 1)).toBeCloseTo(9999.99, 6);
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
    [1, 1e6],
  ])('refuses ascent %p with descent %p', (ascent, descent) => {
    expect(() => parseElevationPair(ascent, descent)).toThrow(AppError);
  });
});
