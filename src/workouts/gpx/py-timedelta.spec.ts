import { timedeltaMicros, truncatedSeconds } from 'src/workouts/gpx/py-timedelta';

describe('Python timedelta(seconds=float)', () => {
  it.each([
    [0, 0],
    [250, 250_000_000],
    [0.8, 800_000],
    [2424.9999999999995, 2_425_000_000],
    [0.0000005, 0],
    [0.0000015, 2],
    [1.0000025, 1_000_002],
    [-1.5, -1_500_000],
  ])('%p s → %p µs', (seconds, micros) => {
    expect(timedeltaMicros(seconds)).toBe(micros);
  });

  it('drops microseconds towards −∞ like FitTrackee _remove_microseconds', () => {
    expect(truncatedSeconds(800_000)).toBe(0);
    expect(truncatedSeconds(250_999_999)).toBe(250);
    expect(truncatedSeconds(-500_000)).toBe(-1);
  });
});
