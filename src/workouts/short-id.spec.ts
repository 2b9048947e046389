import { randomUUID } from 'node:crypto';

import { decodeShortId, encodeShortId } from 'src/workouts/short-id';

describe('short ids (docs/compatibility.md#ids)', () => {
  it.each([
    ['kjxavSTUrJvoAh2wvCeGEF', 'f03265f6-9fe0-489b-812f-c7dc4deff55e'],
    ['4mXbN7c2aRk9PqLzT5vWyE', '0f8838e3-a72c-9fab-17e9-c2e563bb4b8b'],
    ['Hq5nQ2yWfXk7tBzV8pLmC3', '58f2aece-5559-e9e9-2d9a-3c26bdc02d31'],
    ['222222226WxN9XkumNJJJ8', '00000000-0000-4000-8000-000000000000'],
  ])('decodes %s to %s and encodes it back', (shortId, uuid) => {
    expect(decodeShortId(shortId)).toBe(uuid);
    expect(encodeShortId(uuid)).toBe(shortId);
  });

  it('left-pads small values with the first alphabet character', () => {
    expect(encodeShortId('00000000-0000-0000-0000-000000000000')).toBe('2'.repeat(22));
    expect(encodeShortId('00000000-0000-0000-0000-000000000039')).toBe(`${'2'.repeat(20)}32`);
  });

  it('round-trips random UUIDs and limb boundaries through the decoder', () => {
    const uuids = [
      '00000000-0000-0000-0000-0000ffffffff',
      '00000000-0000-0000-0000-000100000000',
      'ffffffff-0000-0000-0000-000000000000',
      '00000000-ffff-ffff-0000-000000000000',
      ...Array.from({ length: 2000 }, () => randomUUID()),
    ];
    for (const uuid of uuids) {
      const shortId = encodeShortId(uuid);
      expect(shortId).toHaveLength(22);
      expect(decodeShortId(shortId)).toBe(uuid);
    }
  });

  it('round-trips the largest UUID', () => {
    const max = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    expect(decodeShortId(encodeShortId(max))).toBe(max);
  });

  it.each([
    'kjxavSTUrJvoAh2wvCeGE_',
    'kjxavSTUrJvoAh2wvCeGE0',
    'O',
    'l',
    'I',
    '1',
    '',
    'zzzzzzzzzzzzzzzzzzzzzz',
  ])('rejects %p', (shortId) => {
    expect(decodeShortId(shortId)).toBeNull();
  });

  it('reads extra leading zero digits as the reference does', () => {
    expect(decodeShortId('2kjxavSTUrJvoAh2wvCeGEF')).toBe('f03265f6-9fe0-489b-812f-c7dc4deff55e');
  });
});
