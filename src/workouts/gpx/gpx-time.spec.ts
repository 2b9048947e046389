import { type GpxTime, parseGpxTime } from 'src/workouts/gpx/gpx-time';

function parse(text: string): GpxTime {
  const out: GpxTime = { micros: 0, naive: false, invalidOffset: false };
  parseGpxTime(text, out);
  return out;
}

const at = (iso: string, micros = 0): number => Date.parse(iso) * 1000 + micros;

describe('parseGpxTime (gpxpy 1.6.2 parse_time)', () => {
  it.each([
    ['2018-03-13T12:44:45Z', at('2018-03-13T12:44:45Z'), false],
    ['2018-03-13 12:44:45', at('2018-03-13T12:44:45Z'), true],
    ['2018-3-1T2:4:5Z', at('2018-03-01T02:04:05Z'), false],
    ['2011-07-02T17:47:25.2Z', at('2011-07-02T17:47:25Z', 200000), false],
    ['2011-07-02T17:47:25.1234569Z', at('2011-07-02T17:47:25Z', 123456), false],
    ['2018-03-13T14:44:45+02:00', at('2018-03-13T12:44:45Z'), false],
    ['2018-03-13T10:14:45-0230', at('2018-03-13T12:44:45Z'), false],
    ['2018-03-13T10:44:45−02', at('2018-03-13T12:44:45Z'), false],
    ['2018-03-13T12:44:45Z\n', at('2018-03-13T12:44:45Z'), false],
  ])('%p → µs since epoch', (text, micros, naive) => {
    expect(parse(text)).toEqual({ micros, naive, invalidOffset: false });
  });

  it.each([
    '',
    ' 2018-03-13T12:44:45Z',
    '2018-03-13T12:44:45Z ',
    '2018-13-13T12:44:45Z',
    '2018-02-29T12:44:45Z',
    '2018-03-13T24:00:00Z',
    '2018-03-13T12:44:60Z',
    '2018-03-13T12:44:45.Z',
    '2018-03-13',
    '13/03/2018 12:44:45',
  ])('%p is no time (gpxpy keeps the point without time)', (text) => {
    expect(parse(text).micros).toBeNaN();
  });

  it('accepts 29 February in leap years', () => {
    expect(parse('2020-02-29T00:00:00Z').micros).toBe(at('2020-02-29T00:00:00Z'));
  });

  it('flags offsets Python refuses to apply', () => {
    expect(parse('2018-03-13T12:44:45+25:00').invalidOffset).toBe(true);
  });
});
