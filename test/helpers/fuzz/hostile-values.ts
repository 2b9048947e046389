import fc from 'fast-check';

export const NUL = '\u0000';

/** Texts that broke, or could break, a parser, a cast or a column somewhere. */
const SPECIAL_STRINGS = [
  '',
  ' ',
  NUL,
  `a${NUL}b`,
  `${NUL}${NUL}`,
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\u202eevil\u202c',
  '\u05e9\u05dc\u05d5\u05dd',
  '💩🏃‍♀️',
  '\ufeff',
  '\u0085\u2028',
  '%00',
  '%',
  '../..',
  '..%2f..%2f',
  "'; DROP TABLE users;--",
  '<script>alert(1)</script>',
  'null',
  'true',
  '[]',
  '{}',
  '0',
  '-0',
  '1.5',
  '0x10',
  '1e20',
  '1e308',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  '-1',
  '00',
  ' 1 ',
  '١٢',
  '2024-13-45',
  '2024-01-01',
  '9999-12-31 23:59',
  '0001-01-01 00:00',
  '99:99',
];

const repeated = fc
  .tuple(fc.constantFrom('x', 'é', '💩', NUL, '9'), fc.constantFrom(256, 1_000, 10_000, 100_000))
  .map(([unit, count]) => unit.repeat(count));

const withPoison = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(NUL, '\ud800', '\u202e'),
    fc.string({ maxLength: 6 }),
  )
  .map((parts) => parts.join(''));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: repeated },
  { weight: 2, arbitrary: withPoison },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 2147483647, 2147483648, -2147483649, 2 ** 53 + 2, 1e20),
  fc.constantFrom(1e308, -1e308, 5e-324, 2 ** 63, 366 * 86400 + 1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', NUL, `k${NUL}`, '__proto__', 'constructor', 'toString', 'a.b', 'a[0]'),
  fc.string({ maxLength: 8 }),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false),
);

/** Any JSON value, hostile at every level: wrong types, nulls, arrays, nested objects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** `[[[…]]]` or `{"a":{"a":…}}` as JSON text, far deeper than any FitTrackee payload. */
export const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(100, 5_000, 50_000), fc.boolean())
  .map(([depth, isArray]) =>
    isArray
      ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );
