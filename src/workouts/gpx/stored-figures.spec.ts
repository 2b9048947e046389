import { roundHalfAwayFromZero } from 'src/workouts/gpx/stored-figures';

describe('roundHalfAwayFromZero (PostgreSQL numeric from a Python float)', () => {
  it.each([
    [4.605, 2, 4.61],
    [-4.605, 2, -4.61],
    [0.0545, 3, 0.055],
    [2.675, 2, 2.68],
    [1.0049999999999999, 2, 1.01],
    [0.30000000000001137, 3, 0.3],
    [975, 2, 975],
    [0.004, 2, 0],
    [0.005, 2, 0.01],
    [0.0004, 2, 0],
    [999.9995, 3, 1000],
    [1e-7, 3, 0],
    [123456.789, 0, 123457],
  ])('%p to %p decimals → %p', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });
});
