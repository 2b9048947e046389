import fc from 'fast-check';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD's bytes, where
 * `encodeURIComponent` would throw), so any generated string can travel in a URL.
 */
export function encodeComponent(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += UNRESERVED.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** Escapes that are not valid percent-encoded UTF-8, or decode to NUL through a detour. */
export const rawUrlFragment: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%zz',
  '%FF',
  '%C0%80',
  '%ED%A0%80',
  '%00',
  '%2500',
  '%2e%2e%2f',
  '+',
  '%0A',
);

/** A path segment: usually a whole encoded value, sometimes with a raw escape mixed in. */
export function pathSegment(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: value.map(encodeComponent) },
    {
      weight: 1,
      arbitrary: fc.tuple(value, rawUrlFragment).map(([v, raw]) => `${encodeComponent(v)}${raw}`),
    },
  );
}

/** A query string from key/value pairs, plus odd fragments (`a[b]=`, `&&`, bare keys). */
export function queryString(pairs: fc.Arbitrary<[string, string][]>): fc.Arbitrary<string> {
  const pair = ([key, value]: [string, string]): string =>
    `${encodeComponent(key)}=${encodeComponent(value)}`;
  const odd = fc.constantFrom(
    'a[b]=1',
    'a[]=1&a[]=2',
    '&&',
    '=x',
    'flag',
    'x=%',
    'x=%00',
    'y=%C0%80',
  );
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(odd, { maxLength: 2 }) },
  );
  return fc.tuple(pairs, extras).map(([list, extras]) => [...list.map(pair), ...extras].join('&'));
}
