import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';
import * as scanner from 'src/workouts/gpx/track-point-scanner';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';

/**
 * The byte scanner for plain `<trkpt>` elements must give exactly what the event-by-event
 * reader gives — same points bit for bit, same refusals — or step aside.
 */
async function read(
  xml: Buffer,
  isFastPathOn: boolean,
  chunk?: number,
): Promise<ParsedGpx | string> {
  const input = chunk === undefined ? xml : Readable.from(splitBytes(xml, chunk));
  return parseGpx(input, isFastPathOn).catch((e: unknown) => (e as Error).message);
}

function splitBytes(xml: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < xml.length; i += size) parts.push(xml.subarray(i, i + size));
  return parts;
}

/** Typed arrays as plain arrays of `Object.is`-comparable numbers, for exact comparison. */
function flatten(result: ParsedGpx | string): unknown {
  if (typeof result === 'string') return result;
  return result.tracks.map((t) => ({
    name: t.name,
    segments: t.segments.map((s) => ({
      ...s,
      lat: Array.from(s.lat),
      lon: Array.from(s.lon),
      ele: Array.from(s.ele).map((v) => (Object.is(v, -0) ? '-0' : v)),
      time: Array.from(s.time),
    })),
  }));
}

async function expectSameBothWays(xml: Buffer, chunks: number[]): Promise<unknown> {
  const expected = flatten(await read(xml, false));
  expect(flatten(await read(xml, true))).toEqual(expected);
  for (const size of chunks) expect(flatten(await read(xml, true, size))).toEqual(expected);
  return expected;
}

const doc = (
  points: string,
  root = '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="urn:tpx">',
): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n${root}<trk><trkseg>\n` +
      `<trkpt lat="45.5" lon="6.25"><ele>10</ele><time>2021-06-01T00:00:00Z</time></trkpt>\n` +
      `${points}\n</trkseg></trk></gpx>`,
  );
const T = '<time>2021-06-01T00:00:05Z</time>';

const POINTS: [string, string][] = [
  ['plain', `<trkpt lat="45.000025" lon="6.020400"><ele>1000.3</ele>${T}</trkpt>`],
  ['lon before lat', `<trkpt lon="6.1" lat="45.2"><ele>1</ele>${T}</trkpt>`],
  ['time before ele', `<trkpt lat="45.2" lon="6.1">${T}<ele>-3.5</ele></trkpt>`],
  ['no ele', `<trkpt lat="45.2" lon="6.1">${T}</trkpt>`],
  ['no time', `<trkpt lat="45.2" lon="6.1"><ele>1</ele></trkpt>`],
  ['no child', `<trkpt lat="45.2" lon="6.1"></trkpt>`],
  ['self-closing', `<trkpt lat="45.2" lon="6.1"/>`],
  [
    'white space everywhere',
    `<trkpt\n\tlat="45.2"\r\n lon="6.1" >\n <ele>1</ele>\n\t${T}\r\n</trkpt>`,
  ],
  ['end tag with space', `<trkpt lat="45.2" lon="6.1"><ele>1</ele>${T}</trkpt >`],
  ['single quotes', `<trkpt lat='45.2' lon='6.1'><ele>1</ele>${T}</trkpt>`],
  ['attribute spaces', `<trkpt lat = "45.2" lon="6.1"><ele>1</ele>${T}</trkpt>`],
  ['no space between attributes', `<trkpt lat="45.2"lon="6.1"><ele>1</ele>${T}</trkpt>`],
  ['extra attribute', `<trkpt lat="45.2" lon="6.1" x="1"><ele>1</ele>${T}</trkpt>`],
  ['duplicate attribute', `<trkpt lat="45.2" lat="45.3" lon="6.1">${T}</trkpt>`],
  ['missing lon', `<trkpt lat="45.2">${T}</trkpt>`],
  ['bad lat', `<trkpt lat="north" lon="6.1">${T}</trkpt>`],
  ['lat with reference', `<trkpt lat="&#52;5.2" lon="6.1">${T}</trkpt>`],
  ['lat with exponent', `<trkpt lat="4.52e1" lon="6.1">${T}</trkpt>`],
  ['lat with spaces', `<trkpt lat=" 45.2 " lon="6.1">${T}</trkpt>`],
  ['lat with plus', `<trkpt lat="+45.2" lon="6.1">${T}</trkpt>`],
  ['lat 17 digits', `<trkpt lat="45.123456789012345678" lon="6.1">${T}</trkpt>`],
  ['lat 15 digits', `<trkpt lat="45.1234567890123" lon="-6.1234567890123">${T}</trkpt>`],
  ['lat 16 digits', `<trkpt lat="45.12345678901234" lon="6.1">${T}</trkpt>`],
  ['negative zero', `<trkpt lat="-0" lon="-0.0"><ele>-0</ele>${T}</trkpt>`],
  ['trailing dot', `<trkpt lat="45." lon=".5"><ele>1.</ele>${T}</trkpt>`],
  ['underscore', `<trkpt lat="4_5" lon="6"><ele>1_0</ele>${T}</trkpt>`],
  ['nan ele', `<trkpt lat="45" lon="6"><ele>nan</ele>${T}</trkpt>`],
  ['bad ele', `<trkpt lat="45" lon="6"><ele>high</ele>${T}</trkpt>`],
  ['empty ele', `<trkpt lat="45" lon="6"><ele></ele>${T}</trkpt>`],
  ['empty ele tag', `<trkpt lat="45" lon="6"><ele/>${T}</trkpt>`],
  ['ele in CDATA', `<trkpt lat="45" lon="6"><ele><![CDATA[12]]></ele>${T}</trkpt>`],
  ['ele with spaces', `<trkpt lat="45" lon="6"><ele> 12 </ele>${T}</trkpt>`],
  ['two eles', `<trkpt lat="45" lon="6"><ele>1</ele><ele>2</ele>${T}</trkpt>`],
  ['two times', `<trkpt lat="45" lon="6">${T}<time>2021-06-01T00:00:09Z</time></trkpt>`],
  ['comment inside', `<trkpt lat="45" lon="6"><!-- c --><ele>1</ele>${T}</trkpt>`],
  [
    'extensions',
    `<trkpt lat="45" lon="6"><ele>1</ele>${T}<extensions><hr>150</hr></extensions></trkpt>`,
  ],
  ['hdop', `<trkpt lat="45" lon="6"><hdop>x</hdop>${T}</trkpt>`],
  ['valid hdop', `<trkpt lat="45" lon="6"><hdop>1.5</hdop>${T}</trkpt>`],
  ['empty hdop', `<trkpt lat="45" lon="6"><hdop></hdop><vdop/>${T}</trkpt>`],
  ['hdop with spaces', `<trkpt lat="45" lon="6"><hdop> 1.5 </hdop>${T}</trkpt>`],
  ['two hdops', `<trkpt lat="45" lon="6"><hdop>1.5</hdop><hdop>x</hdop>${T}</trkpt>`],
  ['hdop with child', `<trkpt lat="45" lon="6"><hdop>1<x/>5</hdop>${T}</trkpt>`],
  ['hdop end mismatch', `<trkpt lat="45" lon="6"><hdop>1.5</vdop>${T}</trkpt>`],
  ['sat', `<trkpt lat="45" lon="6"><sat>7</sat><dgpsid>-3</dgpsid>${T}</trkpt>`],
  ['bad sat', `<trkpt lat="45" lon="6"><sat>7.5</sat>${T}</trkpt>`],
  ['sat with underscore', `<trkpt lat="45" lon="6"><sat>1_0</sat>${T}</trkpt>`],
  [
    'fix values',
    `<trkpt lat="45" lon="6"><fix>3d</fix>${T}</trkpt><trkpt lat="45" lon="6"><fix>dgps</fix>${T}</trkpt><trkpt lat="45" lon="6"><fix>none</fix></trkpt>`,
  ],
  ['bad fix', `<trkpt lat="45" lon="6"><fix>4d</fix>${T}</trkpt>`],
  ['fix prefix', `<trkpt lat="45" lon="6"><fix>3dx</fix>${T}</trkpt>`],
  ['hdop with attribute', `<trkpt lat="45" lon="6"><hdop a="1">1.5</hdop>${T}</trkpt>`],
  ['name and sym', `<trkpt lat="45" lon="6"><name>TP 1 ✓</name><sym>Flag</sym>${T}</trkpt>`],
  ['speed (checked in GPX 1.0 only)', `<trkpt lat="45" lon="6"><speed>fast</speed>${T}</trkpt>`],
  [
    'garmin extensions',
    `<trkpt lat="44.34797703288495540618896484375" lon="3.94873310811817646026611328125"><ele>495.79998779296875</ele><time>2023-05-27T07:49:40.000Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>112</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`,
  ],
  [
    'unbound prefix',
    `<trkpt lat="45" lon="6"><ele>1</ele><extensions><nope:hr>1</nope:hr></extensions></trkpt>`,
  ],
  ['unbound prefix as child', `<trkpt lat="45" lon="6"><nope:hr>1</nope:hr></trkpt>`],
  ['bound prefix as child', `<trkpt lat="45" lon="6"><gpxtpx:hr>1</gpxtpx:hr>${T}</trkpt>`],
  [
    'ele inside extensions',
    `<trkpt lat="45" lon="6"><extensions><ele>8</ele><time>x</time></extensions><ele>2</ele></trkpt>`,
  ],
  ['ele after extensions only', `<trkpt lat="45" lon="6"><extensions/><ele>2</ele></trkpt>`],
  [
    'attribute in extensions',
    `<trkpt lat="45" lon="6"><extensions><x a="1">2</x></extensions></trkpt>`,
  ],
  [
    'reference in extensions',
    `<trkpt lat="45" lon="6"><extensions><x>&amp;</x></extensions></trkpt>`,
  ],
  [
    'bad reference in extensions',
    `<trkpt lat="45" lon="6"><extensions><x>&nope;</x></extensions></trkpt>`,
  ],
  [
    'CDATA end in extensions',
    `<trkpt lat="45" lon="6"><extensions><x>a]]>b</x></extensions></trkpt>`,
  ],
  [
    'control in extensions',
    `<trkpt lat="45" lon="6"><extensions><x>\u0002</x></extensions></trkpt>`,
  ],
  [
    'mismatched tags in extensions',
    `<trkpt lat="45" lon="6"><extensions><x><y></x></y></extensions></trkpt>`,
  ],
  ['end tag prefix of name', `<trkpt lat="45" lon="6"><extensions><abc></ab></extensions></trkpt>`],
  [
    'deep extensions',
    `<trkpt lat="45" lon="6"><extensions>${'<a>'.repeat(12)}1${'</a>'.repeat(12)}</extensions></trkpt>`,
  ],
  [
    'non-ASCII name in extensions',
    `<trkpt lat="45" lon="6"><extensions><été>1</été></extensions></trkpt>`,
  ],
  [
    'non-ASCII text in extensions',
    `<trkpt lat="45" lon="6"><extensions><x>température 20 °C</x></extensions></trkpt>`,
  ],
  [
    'two colons in a name',
    `<trkpt lat="45" lon="6"><extensions><gpxtpx:a:b>1</gpxtpx:a:b></extensions></trkpt>`,
  ],
  ['offset +00:00', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+00:00</time></trkpt>`],
  ['offset -05:30', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59.5-05:30</time></trkpt>`],
  ['offset +23:59', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+23:59</time></trkpt>`],
  ['offset +24:00', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+24:00</time></trkpt>`],
  ['offset +01:99', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+01:99</time></trkpt>`],
  ['offset +0100', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+0100</time></trkpt>`],
  ['offset +01', `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59+01</time></trkpt>`],
  [
    'minus sign offset',
    `<trkpt lat="45" lon="6"><time>2025-12-14T17:33:59\u221201:00</time></trkpt>`,
  ],
  ['namespace declaration', `<trkpt lat="45" lon="6" xmlns="urn:other"><ele>1</ele>${T}</trkpt>`],
  ['prefixed attribute', `<trkpt lat="45" lon="6" g:x="1"><ele>1</ele>${T}</trkpt>`],
  ['fraction', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05.1Z</time></trkpt>`],
  ['micro fraction', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05.123456Z</time></trkpt>`],
  [
    'long fraction',
    `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05.123456789012345Z</time></trkpt>`,
  ],
  [
    'too long fraction',
    `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05.1234567890123456Z</time></trkpt>`,
  ],
  ['empty fraction', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05.Z</time></trkpt>`],
  ['naive time', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05</time></trkpt>`],
  ['offset time', `<trkpt lat="45" lon="6"><time>2021-06-01T02:00:05+02:00</time></trkpt>`],
  ['lower-case z', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05z</time></trkpt>`],
  ['space separator', `<trkpt lat="45" lon="6"><time>2021-06-01 00:00:05Z</time></trkpt>`],
  ['short month', `<trkpt lat="45" lon="6"><time>2021-6-01T00:00:05Z</time></trkpt>`],
  ['31 February', `<trkpt lat="45" lon="6"><time>2021-02-31T00:00:05Z</time></trkpt>`],
  ['29 February 2024', `<trkpt lat="45" lon="6"><time>2024-02-29T23:59:59Z</time></trkpt>`],
  ['hour 24', `<trkpt lat="45" lon="6"><time>2021-06-01T24:00:00Z</time></trkpt>`],
  ['year 0', `<trkpt lat="45" lon="6"><time>0000-06-01T00:00:00Z</time></trkpt>`],
  ['time with newline', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05Z\n</time></trkpt>`],
  ['time with space', `<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05Z </time></trkpt>`],
  ['not a time', `<trkpt lat="45" lon="6"><time>yesterday</time></trkpt>`],
  ['lat 91', `<trkpt lat="91" lon="6"><ele>1</ele>${T}</trkpt>`],
  ['lat -90.000001', `<trkpt lat="-90.000001" lon="6">${T}</trkpt>`],
  ['lat and lon at their limits', `<trkpt lat="-90" lon="180"><ele>1</ele>${T}</trkpt>`],
  ['lon 500', `<trkpt lat="45" lon="500"><ele>1</ele>${T}</trkpt>`],
  ['lon -180.5', `<trkpt lat="45" lon="-180.5">${T}</trkpt>`],
  ['lon -1e308', `<trkpt lat="45" lon="-1e308"><ele>1</ele>${T}</trkpt>`],
  ['lon of 400 digits', `<trkpt lat="45" lon="1${'0'.repeat(399)}">${T}</trkpt>`],
  ['lat nan', `<trkpt lat="nan" lon="6">${T}</trkpt>`],
  ['lon infinity', `<trkpt lat="45" lon="-Infinity">${T}</trkpt>`],
  ['ele 12000', `<trkpt lat="45" lon="6"><ele>12000</ele>${T}</trkpt>`],
  [
    'ele at its limits',
    `<trkpt lat="45" lon="6"><ele>-12000</ele>${T}</trkpt><trkpt lat="45" lon="6"><ele>50000.0</ele>${T}</trkpt>`,
  ],
  ['ele 50000.01', `<trkpt lat="45" lon="6"><ele>50000.01</ele>${T}</trkpt>`],
  ['ele -12000.5', `<trkpt lat="45" lon="6">${T}<ele>-12000.5</ele></trkpt>`],
  ['ele Infinity', `<trkpt lat="45" lon="6"><ele>Infinity</ele>${T}</trkpt>`],
  ['ele -inf', `<trkpt lat="45" lon="6"><ele>-inf</ele>${T}</trkpt>`],
  ['ele 1e308', `<trkpt lat="45" lon="6"><ele>1e308</ele>${T}</trkpt>`],
  ['ele of 400 digits', `<trkpt lat="45" lon="6"><ele>9${'9'.repeat(399)}.5</ele>${T}</trkpt>`],
  [
    'ele nan in extensions only',
    `<trkpt lat="45" lon="6"><extensions><ele>nan</ele></extensions></trkpt>`,
  ],
  ['lat 91 with ele nan', `<trkpt lat="91" lon="6"><ele>nan</ele>${T}</trkpt>`],
  ['control character', `<trkpt lat="45" lon="6">\u0001<ele>1</ele></trkpt>`],
  ['unclosed', `<trkpt lat="45" lon="6"><ele>1</ele>`],
  ['mismatched end', `<trkpt lat="45" lon="6"><ele>1</ele></trkpoint>`],
  ['wrong inner end', `<trkpt lat="45" lon="6"><ele>1</elevation></trkpt>`],
  ['text before child', `<trkpt lat="45" lon="6">x<ele>1</ele></trkpt>`],
];

describe('plain <trkpt> byte scanner', () => {
  it.each(POINTS)('%s: same result as the event-by-event reader', async (_label, point) => {
    await expectSameBothWays(doc(point), [1, 5, 64]);
  });

  it.each([
    [
      'a default namespace declared on another element',
      '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><x xmlns="urn:y"/>',
    ],
    ['GPX 1.0', '<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0">'],
    ['no namespace', '<gpx version="1.1">'],
  ])('%s', async (_label, root) => {
    for (const point of [
      `<trkpt lat="45" lon="6"><ele>1</ele>${T}</trkpt>`,
      `<trkpt lat="45" lon="6"><speed>1.5</speed><name>x</name>${T}</trkpt>`,
      `<trkpt lat="45" lon="6"><speed>fast</speed>${T}</trkpt>`,
      `<trkpt lat="45" lon="6"><course>x</course>${T}</trkpt>`,
      `<trkpt lat="45" lon="6"><ele>1</ele>${T}<course>12.5</course><speed>0.888889</speed><name>TP1</name></trkpt>`,
      `<trkpt lat="45" lon="6"><speed></speed><course/>${T}</trkpt>`,
    ]) {
      await expectSameBothWays(doc(point, root), [3]);
    }
  });

  it('reads mixed naive and aware times as the event reader does (a parsing error later)', async () => {
    const result = await expectSameBothWays(
      doc(`<trkpt lat="45" lon="6"><time>2021-06-01T00:00:05</time></trkpt>`),
      [7],
    );
    expect(result).toEqual([
      expect.objectContaining({
        segments: [expect.objectContaining({ hasNaiveTimes: true, hasAwareTimes: true })],
      }),
    ]);
  });

  it('reads the plain points itself (the comparisons above are not vacuous)', async () => {
    const labels = [
      'plain',
      'lon before lat',
      'no ele',
      'garmin extensions',
      'offset -05:30',
      'valid hdop',
      'sat',
      'empty hdop',
    ];
    const points = labels.map((label) => POINTS.find(([l]) => l === label)?.[1] ?? '');
    const scan = jest.spyOn(scanner, 'scanTrackPoint');
    try {
      await read(doc(points.join('\n')), true);
      const taken = scan.mock.results.filter((r) => (r.value as number) > 0);
      expect(taken).toHaveLength(1 + labels.length);
    } finally {
      scan.mockRestore();
    }
  });

  it.each([
    ['lat="91"', '<trkpt lat="91" lon="6"><ele>1</ele>', 'latitude 91 is not within [-90, 90]'],
    ['lon="500"', '<trkpt lat="45" lon="500">', 'longitude 500 is not within [-180, 180]'],
    [
      'lon="-1e308"',
      '<trkpt lat="45" lon="-1e308">',
      'longitude -1e+308 is not within [-180, 180]',
    ],
    [
      '<ele>50000.5</ele>',
      '<trkpt lat="45" lon="6"><ele>50000.5</ele>',
      'elevation 50000.5 m is not within [-12000, 50000] m',
    ],
    [
      '<ele>Infinity</ele>',
      '<trkpt lat="45" lon="6"><ele>Infinity</ele>',
      'elevation Infinity m is not within [-12000, 50000] m',
    ],
    [
      '<ele>NaN</ele>',
      '<trkpt lat="45" lon="6"><ele>NaN</ele>',
      'elevation NaN m is not within [-12000, 50000] m',
    ],
  ])('refuses %s with its value and place, both ways', async (_label, open, problem) => {
    const good = `<trkpt lat="45" lon="6"><ele>1</ele>${T}</trkpt>`;
    const segment = (points: string): string => `<trkseg>${points}</trkseg>`;
    const xml = Buffer.from(
      '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">' +
        `<trk>${segment(good)}</trk>` +
        `<trk>${segment(good)}${segment('')}${segment(good.repeat(3) + `${open}${T}</trkpt>`)}</trk>` +
        '</gpx>',
    );

    const message = `gpx file is invalid: ${problem} (track 2, segment 3, point 4)`;
    expect(await expectSameBothWays(xml, [1, 7, 100])).toBe(message);
  });

  it('refuses an out-of-range value the scanner read itself (the check is not left to the event path)', async () => {
    const scan = jest.spyOn(scanner, 'scanTrackPoint');
    try {
      const result = await read(doc(`<trkpt lat="45" lon="-180.5">${T}</trkpt>`), true);
      expect(result).toBe(
        'gpx file is invalid: longitude -180.5 is not within [-180, 180] (track 1, segment 1, point 2)',
      );
      expect(scan.mock.results.filter((r) => (r.value as number) > 0)).toHaveLength(2);
    } finally {
      scan.mockRestore();
    }
  });

  it('reads a synthetic track the same at every chunk size', async () => {
    const xml = syntheticGpx({ points: 500, name: 'synthetic' });
    const expected = await expectSameBothWays(xml, [1, 13, 4096, 65536]);
    expect(expected).toEqual([expect.objectContaining({ name: 'synthetic' })]);
  });

  const dir = path.join(sharedFixturesDir(), 'gpx');
  const files = readdirSync(dir).filter((f) => f.endsWith('.gpx'));

  it.each(files.map((f) => [f]))('%s: same tracks with and without the scanner', async (file) => {
    await expectSameBothWays(readFileSync(path.join(dir, file)), [4093]);
  });
});
