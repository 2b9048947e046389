import { formatTimedelta, parseTimedelta } from 'src/common/format/timedelta';

describe('formatTimedelta (Python str(timedelta), docs/compatibility.md#dates)', () => {
  it.each([
    [0, '0:00:00'],
    [1024, '0:17:04'],
    [3600, '1:00:00'],
    [43509, '12:05:09'],
    [86400 + 2 * 3600 + 3 * 60 + 4, '1 day, 2:03:04'],
    [3 * 86400, '3 days, 0:00:00'],
    [30 * 3600, '1 day, 6:00:00'],
    [1.5, '0:00:01.500000'],
    [-1, '-1 day, 23:59:59'],
  ])('%p s → %p', (seconds, text) => {
    expect(formatTimedelta(seconds)).toBe(text);
  });

  it.each([
    ['0:17:04', 1024],
    ['1 day, 2:03:04', 93784],
    ['2 days, 0:00:00', 172800],
    ['0:00:01.5', 1.5],
  ])('parses %p', (text, seconds) => {
    expect(parseTimedelta(text)).toBe(seconds);
  });

  it('rejects malformed text', () => {
    expect(parseTimedelta('1:60:00')).toBeUndefined();
    expect(parseTimedelta('abc')).toBeUndefined();
  });
});
