import { RenderedRecords, renderPackedRecords } from 'src/workouts/records/packed-records';
import { encodeShortId } from 'src/workouts/short-id';

const UUID_A = '0f6bb0c2-9c5e-4a43-8a8c-6fd6b3e3e0a1';
const UUID_B = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
const TWO = `7,FD,1,42195,1735689600,${UUID_A};9,LD,2,90061,-1,${UUID_B}`;

describe('renderPackedRecords', () => {
  it('renders each record as FitTrackee GET /api/records does, in the order given', () => {
    expect(renderPackedRecords(TWO, 'sam')).toEqual([
      {
        id: 7,
        record_type: 'FD',
        sport_id: 1,
        user: 'sam',
        value: 42.195,
        workout_date: 'Wed, 01 Jan 2025 00:00:00 GMT',
        workout_id: encodeShortId(UUID_A),
      },
      {
        id: 9,
        record_type: 'LD',
        sport_id: 2,
        user: 'sam',
        value: '1 day, 1:01:01',
        workout_date: 'Wed, 31 Dec 1969 23:59:59 GMT',
        workout_id: encodeShortId(UUID_B),
      },
    ]);
  });

  it('renders the dates of year 1 and year 9999 to the second', () => {
    const [first, last] = renderPackedRecords(
      `1,AS,1,1234567,-62135596800,${UUID_A};2,MS,1,5,253402300799,${UUID_A}`,
      'sam',
    );
    expect(first).toMatchObject({ value: 12345.67, workout_date: 'Mon, 01 Jan 0001 00:00:00 GMT' });
    expect(last).toMatchObject({ value: 0.05, workout_date: 'Fri, 31 Dec 9999 23:59:59 GMT' });
  });

  it('has no records for the empty text', () => {
    expect(renderPackedRecords('', 'sam')).toEqual([]);
  });

  it('refuses a record without its six fields', () => {
    expect(() => renderPackedRecords(`7,FD,1,42195,1735689600`, 'sam')).toThrow('5 fields');
  });

  it('freezes what it renders', () => {
    const records = renderPackedRecords(TWO, 'sam');
    expect(Object.isFrozen(records)).toBe(true);
    expect(records.every((record) => Object.isFrozen(record))).toBe(true);
  });
});

describe('RenderedRecords', () => {
  it('hands out the same rendering while the text is the same', () => {
    const rendered = new RenderedRecords(10);
    const first = rendered.get(TWO, 'sam');
    expect(rendered.get(TWO.split(';').join(';'), 'sam')).toBe(first);
    expect(rendered.size).toBe(1);
  });

  it('renders again for another holder name', () => {
    const rendered = new RenderedRecords(10);
    const first = rendered.get(TWO, 'sam');
    const renamed = rendered.get(TWO, 'alex');
    expect(renamed).not.toBe(first);
    expect(renamed.map((record) => record.user)).toEqual(['alex', 'alex']);
    expect(rendered.get(TWO, 'alex')).toBe(renamed);
    expect(rendered.size).toBe(1);
  });

  it('keeps nothing for users without records', () => {
    const rendered = new RenderedRecords(2);
    expect(rendered.get('', 'sam')).toEqual([]);
    expect(rendered.size).toBe(0);
  });
});
