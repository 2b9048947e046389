import { isPythonInt, parsePythonFloat } from 'src/workouts/gpx/python-number';

describe('parsePythonFloat (Python float(text.strip()))', () => {
  it.each([
    ['45.000025', 45.000025],
    ['-6.0204', -6.0204],
    ['998', 998],
    [' 12.5\n', 12.5],
    ['+1.5', 1.5],
    ['1.', 1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1_000.5', 1000.5],
    ['0.1234567890123456789', Number('0.1234567890123456789')],
    ['-inf', -Infinity],
    ['Infinity', Infinity],
  ])('%p → %p', (text, value) => {
    expect(parsePythonFloat(text)).toBe(value);
  });

  it('reads nan', () => {
    expect(parsePythonFloat('NaN')).toBeNaN();
  });

  it.each(['', ' ', '.', 'abc', '1,5', '0x10', '1__0', '_1', '1e', '--1', '12m'])(
    '%p is refused',
    (text) => {
      expect(parsePythonFloat(text)).toBeUndefined();
    },
  );

  it('agrees with the correctly rounded value for long mantissas', () => {
    for (const text of ['44.680950000000003', '6.0736699999999999', '123456789012345.6']) {
      expect(parsePythonFloat(text)).toBe(Number(text));
    }
  });
});

describe('isPythonInt (Python int(text.strip()))', () => {
  it.each([
    ['7', true],
    [' +12 ', true],
    ['1_0', true],
    ['3.0', false],
    ['', false],
    ['x', false],
  ])('%p → %p', (text, accepted) => {
    expect(isPythonInt(text)).toBe(accepted);
  });
});
