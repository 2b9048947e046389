import { INT4_MAX, INT4_MIN, isInt4, isInt4Text } from 'src/common/validation/int4';

describe('int4 checks', () => {
  it.each(['0', '1', ' 7 ', '+5', '-0', '2147483647', '-2147483648', '0002147483647'])(
    'accepts %p as int4 text',
    (text) => {
      expect(isInt4Text(text)).toBe(true);
    },
  );

  it.each([
    '',
    ' ',
    '2147483648',
    '-2147483649',
    '1e20',
    '1.5',
    '0x10',
    '1_000',
    '99999999999999999999',
    'NaN',
    '١٢',
  ])('refuses %p as int4 text', (text) => {
    expect(isInt4Text(text)).toBe(false);
  });

  it('checks numbers against the same range', () => {
    expect([INT4_MIN, 0, INT4_MAX].every(isInt4)).toBe(true);
    expect([INT4_MAX + 1, INT4_MIN - 1, 1.5, Number.NaN, Infinity, '1'].some(isInt4)).toBe(false);
  });
});
