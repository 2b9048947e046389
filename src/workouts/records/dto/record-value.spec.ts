import { recordValue } from 'src/workouts/records/dto/record-value';

describe('record values', () => {
  it('converts stored integers back to the wire values', () => {
    expect(recordValue('AS', 461)).toBe(4.61);
    expect(recordValue('MS', 1250)).toBe(12.5);
    expect(recordValue('FD', 42195)).toBe(42.195);
    expect(recordValue('HA', 120000)).toBe(120);
  });

  it('formats LD as timedelta text, days included', () => {
    expect(recordValue('LD', 250)).toBe('0:04:10');
    expect(recordValue('LD', 108000)).toBe('1 day, 6:00:00');
    expect(recordValue('LD', 2 * 86400)).toBe('2 days, 0:00:00');
  });
});
