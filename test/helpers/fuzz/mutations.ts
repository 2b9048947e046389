import fc from 'fast-check';
import { NUL } from 'test/helpers/fuzz/hostile-values';

/** Integers at and past the edges of PostgreSQL's int4 and int8, and numbers that only look like integers. */
const INTEGER_EDGES = [
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '9223372036854775808',
  '1e20',
  '-0',
  '1.5',
  '0x10',
  '+1',
  ' 1',
  '1_000',
  '０',
];

/**
 * A plausible value made hostile while keeping its shape, so it gets past the first checks
 * (an email keeps its `@domain`, an id stays numeric) and reaches the column: padded far past
 * any column, a NUL or a lone surrogate inside, or an integer out of range.
 */
export function mutated(plausible: readonly string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...plausible);
  const padded = fc
    .tuple(
      base,
      fc.constantFrom(51, 81, 201, 256, 501, 1_000, 10_000),
      fc.constantFrom('x', 'é', '😀'),
    )
    .map(([value, length, unit]) => `${unit.repeat(length)}${value}`);
  const poisoned = fc
    .tuple(base, fc.constantFrom(NUL, '\ud800', '\u202e'), fc.nat())
    .map(([value, poison, at]) => {
      const index = value.length === 0 ? 0 : at % value.length;
      return `${value.slice(0, index)}${poison}${value.slice(index)}`;
    });
  const isInteger = plausible.some((value) => /^\d+$/.test(value));
  return isInteger
    ? fc.oneof(padded, poisoned, fc.constantFrom(...INTEGER_EDGES))
    : fc.oneof(padded, poisoned);
}

/** JSON alternatives of an integer-looking plausible value: numbers, out of range included. */
export const integerJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1, 2, 0, -1, 2147483647, 2147483648, -2147483649, 1e20, 2 ** 63, 1.5, -0),
  fc.constantFrom(...INTEGER_EDGES),
);
