import {
  nextPeriodStart,
  type Period,
  periodKey,
  periodStart,
  wholePeriods,
} from 'src/workouts/stats/period-span';

const at = (text: string): Date => new Date(`${text}Z`);
const iso = (date: Date | undefined): string | undefined => date?.toISOString().slice(0, 19);

describe('statistics periods', () => {
  it.each([
    ['year', '2024-07-15T13:00:00', '2024-01-01T00:00:00', '2025-01-01T00:00:00', '2024'],
    ['month', '2024-02-29T23:59:59', '2024-02-01T00:00:00', '2024-03-01T00:00:00', '2024-02'],
    ['month', '2023-12-31T00:00:00', '2023-12-01T00:00:00', '2024-01-01T00:00:00', '2023-12'],
    // 2023-03-01 is a Wednesday: its Sunday week starts on 26 February.
    ['week', '2023-03-01T10:00:00', '2023-02-26T00:00:00', '2023-03-05T00:00:00', '2023-02-26'],
    ['weekm', '2023-03-01T10:00:00', '2023-02-27T00:00:00', '2023-03-06T00:00:00', '2023-02-27'],
    ['week', '2023-03-05T00:00:00', '2023-03-05T00:00:00', '2023-03-12T00:00:00', '2023-03-05'],
    ['weekm', '2023-03-05T23:00:00', '2023-02-27T00:00:00', '2023-03-06T00:00:00', '2023-02-27'],
    ['week', '2021-01-01T08:00:00', '2020-12-27T00:00:00', '2021-01-03T00:00:00', '2020-12-27'],
  ] as [Period, string, string, string, string][])(
    '%s of %s starts %s, next %s, key %s',
    (period, date, start, next, key) => {
      const s = periodStart(period, at(date));
      expect(iso(s)).toBe(start);
      expect(iso(nextPeriodStart(period, s))).toBe(next);
      expect(periodKey(period, s)).toBe(key);
    },
  );

  it('finds the whole periods inside a range', () => {
    expect(wholePeriods('year', at('2015-01-01T05:00:00'), at('2025-01-01T05:00:00'))).toEqual({
      first: at('2016-01-01T00:00:00'),
      end: at('2025-01-01T00:00:00'),
    });
    expect(wholePeriods('month', at('2024-03-01T00:00:00'), at('2024-05-01T00:00:00'))).toEqual({
      first: at('2024-03-01T00:00:00'),
      end: at('2024-05-01T00:00:00'),
    });
    expect(wholePeriods('week', undefined, at('2023-03-01T10:00:00'))).toEqual({
      first: undefined,
      end: at('2023-02-26T00:00:00'),
    });
    expect(wholePeriods('weekm', at('2023-03-01T10:00:00'), undefined)).toEqual({
      first: at('2023-03-06T00:00:00'),
      end: undefined,
    });
    expect(wholePeriods('year', undefined, undefined)).toEqual({
      first: undefined,
      end: undefined,
    });
  });

  it('has none when the range cuts a single period or is empty', () => {
    expect(wholePeriods('year', at('2024-02-01T00:00:00'), at('2024-12-31T00:00:00'))).toBeNull();
    expect(wholePeriods('month', at('2024-02-10T00:00:00'), at('2024-03-10T00:00:00'))).toBeNull();
    expect(wholePeriods('week', at('2024-02-10T00:00:00'), at('2024-02-01T00:00:00'))).toBeNull();
  });
});
