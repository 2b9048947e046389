import { formatInZone, formatNaive, localToUtc } from 'src/workouts/user-time';

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('user time zones (pytz localize, is_dst=False)', () => {
  it('converts a Paris summer time to UTC (docs/compatibility.md#kept-quirks)', () => {
    expect(formatNaive(localToUtc(at(2018, 5, 15, 14, 5), 'Europe/Paris'))).toBe(
      '2018-05-15 12:05:00',
    );
  });

  it('converts a Paris winter time and a New York time', () => {
    expect(formatNaive(localToUtc(at(2018, 1, 1, 0, 30), 'Europe/Paris'))).toBe(
      '2017-12-31 23:30:00',
    );
    expect(formatNaive(localToUtc(at(2018, 7, 1, 20), 'America/New_York'))).toBe(
      '2018-07-02 00:00:00',
    );
  });

  it('takes standard time for an ambiguous autumn hour', () => {
    expect(formatNaive(localToUtc(at(2018, 10, 28, 2, 30), 'Europe/Paris'))).toBe(
      '2018-10-28 01:30:00',
    );
  });

  it('takes standard time for a skipped spring hour', () => {
    expect(formatNaive(localToUtc(at(2018, 3, 25, 2, 30), 'Europe/Paris'))).toBe(
      '2018-03-25 01:30:00',
    );
  });

  it('treats an empty or unknown zone as UTC', () => {
    expect(formatNaive(localToUtc(at(2018, 5, 15, 14, 5), ''))).toBe('2018-05-15 14:05:00');
    expect(formatNaive(localToUtc(at(2018, 5, 15, 14, 5), 'Mars/Olympus'))).toBe(
      '2018-05-15 14:05:00',
    );
    expect(formatNaive(localToUtc(at(2018, 5, 15, 14, 5), null))).toBe('2018-05-15 14:05:00');
  });

  it('formats a UTC instant in the zone for default titles', () => {
    expect(formatInZone(new Date('2018-05-15T12:05:00Z'), 'Europe/Paris')).toBe(
      '2018-05-15 14:05:00',
    );
    expect(formatInZone(new Date('2018-05-15T12:05:00Z'), '')).toBe('2018-05-15 12:05:00');
  });
});
