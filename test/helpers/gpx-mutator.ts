import fc from 'fast-check';

/**
 * Mutations of a real GPX file for property-based upload tests: numbers (coordinates,
 * elevations, extension values), times, and the structure around the track points. Slots are
 * found in the current text when a mutation is applied, so mutations compose.
 */
export type Mutation =
  | { kind: 'number'; slot: number; text: string }
  | { kind: 'time'; slot: number; text: string }
  | { kind: 'shiftTime'; slot: number; seconds: number }
  | { kind: 'point'; op: 'delete' | 'duplicate' | 'split'; index: number }
  | { kind: 'swap'; index: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; at: number; bytes: readonly number[] };

/** Attribute coordinates, and element texts that look like numbers (ele, hr, speed, …). */
const NUMBER_SLOT =
  /\b(?:lat|lon)="([^"]*)"|<((?:[\w-]+:)?[\w-]+)>(\s*[-+.\w]*\d[-+.\w]*\s*)<\/\2>/dg;
const TIME_SLOT = /<time>([^<]*)<\/time>/dg;
const POINT = /<trkpt\b[\s\S]*?<\/trkpt>/g;

const STRANGE_NUMBERS = [
  '91',
  '-90.000001',
  '180.0000001',
  '-181',
  '500',
  '-1e308',
  '1e308',
  '1e309',
  'NaN',
  'nan',
  'inf',
  '-Infinity',
  '1e-320',
  '-0',
  '12000',
  '50000.1',
  '-12000.1',
  '2147483648',
  '9'.repeat(400),
  '1_000',
  ' 12 ',
  '+5',
  '.5',
  '5.',
  '',
  'abc',
  '0x10',
  '1e',
];

const STRANGE_TIMES = [
  '2024-02-30T06:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T06:00:00+24:00',
  '2024-05-01T06:00:00',
  '2024-05-01T06:00:00-05:30',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999Z',
  '2024-05-01T06:00:00.1234567890123456Z',
  'yesterday',
  '',
];

const MARKUP = [
  '<trkseg>',
  '</trkseg>',
  '<trk>',
  '</trk>',
  '</trkseg><trkseg>',
  '<trkpt lat="45" lon="6">',
  '<trkpt lat="45" lon="6"/>',
  '<ele>1e400</ele>',
  '<extensions><x:hr>1e400</x:hr></extensions>',
  '&amp;',
  '&bogus;',
  '<!DOCTYPE gpx>',
  '<![CDATA[12]]>',
  '\u0000',
  '\u00e9',
];

const numberText = fc.oneof(
  fc.constantFrom(...STRANGE_NUMBERS),
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map((v) => v.toFixed(6)),
);

const timeText = fc.oneof(
  fc.constantFrom(...STRANGE_TIMES),
  fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
);

const slot = fc.nat({ max: 1_000_000 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('number'), slot, text: numberText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time'), slot, text: timeText }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('shiftTime'),
      slot,
      seconds: fc.oneof(fc.integer({ min: -86400, max: 86400 }), fc.constant(0)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('point'),
      op: fc.constantFrom('delete', 'duplicate', 'split'),
      index: slot,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap'), index: slot, other: slot }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert'),
      at: fraction,
      text: fc.constantFrom(...MARKUP),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate'), at: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes'),
      at: fraction,
      bytes: fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0x00], [0xef, 0xbb, 0xbf]),
    }),
  },
);

interface Match {
  start: number;
  end: number;
}

/** Where the first present group of `groups` is in each match (the whole match for none). */
function slots(text: string, pattern: RegExp, groups: number[]): Match[] {
  const found: Match[] = [];
  for (const m of text.matchAll(pattern)) {
    const group = groups.find((g) => m.indices?.[g] !== undefined);
    const [start, end] = (group === undefined ? undefined : m.indices?.[group]) ?? [
      m.index,
      m.index + m[0].length,
    ];
    found.push({ start, end });
  }
  return found;
}

const replace = (text: string, at: Match, value: string): string =>
  text.slice(0, at.start) + value + text.slice(at.end);

function mutateText(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'number': {
      const all = slots(text, NUMBER_SLOT, [1, 3]);
      const at = all[m.slot % Math.max(all.length, 1)];
      return at === undefined ? text : replace(text, at, m.text);
    }
    case 'time':
    case 'shiftTime': {
      const all = slots(text, TIME_SLOT, [1]);
      const at = all[m.slot % Math.max(all.length, 1)];
      if (at === undefined) return text;
      if (m.kind === 'time') return replace(text, at, m.text);
      const time = Date.parse(text.slice(at.start, at.end));
      if (Number.isNaN(time)) return text;
      const shifted = new Date(time + m.seconds * 1000);
      return Number.isNaN(shifted.getTime()) ? text : replace(text, at, shifted.toISOString());
    }
    case 'point':
    case 'swap': {
      const points = slots(text, POINT, []);
      if (points.length === 0) return text;
      const at = points[m.index % points.length] as Match;
      const point = text.slice(at.start, at.end);
      if (m.kind === 'swap') {
        const other = points[m.other % points.length] as Match;
        if (other.start === at.start) return text;
        const [first, second] = at.start < other.start ? [at, other] : [other, at];
        return (
          text.slice(0, first.start) +
          text.slice(second.start, second.end) +
          text.slice(first.end, second.start) +
          text.slice(first.start, first.end) +
          text.slice(second.end)
        );
      }
      if (m.op === 'delete') return replace(text, at, '');
      if (m.op === 'duplicate') return replace(text, at, point + point);
      return replace(text, at, `</trkseg><trkseg>${point}`);
    }
    case 'insert': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'bytes':
      return text;
  }
}

/** The file after the mutations, in order; raw bytes are inserted into the encoded text. */
export function mutateGpx(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let text = original.toString('utf8');
  let bytes: { at: number; bytes: readonly number[] } | undefined;
  for (const m of mutations) {
    if (m.kind === 'bytes') bytes = m;
    else text = mutateText(text, m);
  }
  const encoded = Buffer.from(text, 'utf8');
  if (bytes === undefined) return encoded;
  const at = Math.floor(bytes.at * encoded.length);
  return Buffer.concat([encoded.subarray(0, at), Buffer.from(bytes.bytes), encoded.subarray(at)]);
}
