import { pyFloatText, pyRound } from 'src/workouts/gpx/python-format';

describe('Python number formatting', () => {
  it.each([
    [998.25, 1, 998.2],
    [998.75, 1, 998.8],
    [0.125, 2, 0.12],
    [12.375, 2, 12.38],
    [-0.125, 2, -0.12],
    [2.675, 2, 2.67],
    [3.21499, 2, 3.21],
    [0.3, 2, 0.3],
  ])('round(%p, %p) = %p', (x, n, expected) => {
    expect(pyRound(x, n)).toBe(expected);
  });

  it.each([
    [987, '987.0'],
    [44.67972, '44.67972'],
    [1e-5, '0.00001'],
    [1.5e-7, '0.00000015'],
    [1e16, '10000000000000000'],
    [-0, '-0.0'],
    [0.0001, '0.0001'],
  ])('make_str(%p) = %p', (x, text) => {
    expect(pyFloatText(x)).toBe(text);
  });
});
