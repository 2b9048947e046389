import { randomUUID } from 'node:crypto';

import fc from 'fast-check';
import { decodeShortId, encodeShortId, SHORT_ID_ALPHABET } from 'src/workouts/short-id';

/** shortuuid's encoding written the plain way, in BigInt, to check the fast one against. */
function referenceEncode(uuid: string): string {
  let value = BigInt(`0x${uuid.replaceAll('-', '')}`);
  let encoded = '';
  while (value > 0n) {
    encoded = `${SHORT_ID_ALPHABET[Number(value % 57n)] ?? ''}${encoded}`;
    value /= 57n;
  }
  return encoded.padStart(22, SHORT_ID_ALPHABET[0]);
}

const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `encodeShortId` accepts `text`. */
function encodes(text: string): boolean {
  try {
    encodeShortId(text);
    return true;
  } catch {
    return false;
  }
}

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

  it('encodes every 128-bit value as the plain BigInt encoding does, in either case', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
        const hex = value.toString(16).padStart(32, '0');
        const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        expect(encodeShortId(uuid)).toBe(referenceEncode(uuid));
        expect(encodeShortId(uuid.toUpperCase())).toBe(referenceEncode(uuid));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the dashed hex form of a UUID', () => {
    const uuidLike = fc
      .array(
        fc.constantFrom(...Array.from('0123456789abcdefABCDEF-xg_ \u00e9\u0660\u00b1\u0161')),
        {
          minLength: 34,
          maxLength: 38,
        },
      )
      .map((chars) => chars.join(''));
    const nearlyUuid = fc
      .tuple(fc.uuid(), fc.nat(35), fc.constantFrom('g', '-', '0', ' ', '\u0660', '\u00b1', ''))
      .map(([uuid, at, char]) => `${uuid.slice(0, at)}${char}${uuid.slice(at + 1)}`);
    fc.assert(
      fc.property(fc.oneof(uuidLike, nearlyUuid, fc.string()), (text) => {
        expect(encodes(text)).toBe(UUID_FORM.test(text));
      }),
      { numRuns: 3000 },
    );
    expect(encodes(`${randomUUID()}\n`)).toBe(false);
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
