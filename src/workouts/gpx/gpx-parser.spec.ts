import { Readable } from 'node:stream';

import { parseGpx } from 'src/workouts/gpx/gpx-parser';

const gpx = (
  body: string,
  root = '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">',
): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}${body}</gpx>`;
const pt = (lat: number, lon: number, inner = ''): string =>
  `<trkpt lat="${lat}" lon="${lon}">${inner}</trkpt>`;

async function refusal(xml: string | Buffer): Promise<unknown> {
  return parseGpx(Buffer.isBuffer(xml) ? xml : Buffer.from(xml)).then(
    () => 'accepted',
    (e: unknown) => (e as Error).message,
  );
}

describe('parseGpx', () => {
  it('reads tracks, segments and points into typed arrays', async () => {
    const parsed = await parseGpx(
      Buffer.from(
        gpx(
          `<trk><name>Morning</name><trkseg>${pt(44.5, 6.1, '<ele>998</ele><time>2018-03-13T12:44:45Z</time>')}${pt(44.6, 6.2)}</trkseg><trkseg/></trk><trk><trkseg>${pt(1, 2)}</trkseg></trk>`,
        ),
      ),
    );

    expect(parsed.tracks).toHaveLength(2);
    expect(parsed.tracks[0]!.name).toBe('Morning');
    const [first, empty] = parsed.tracks[0]!.segments;
    expect(first!.count).toBe(2);
    expect(Array.from(first!.lat)).toEqual([44.5, 44.6]);
    expect(Array.from(first!.lon)).toEqual([6.1, 6.2]);
    expect(first!.ele[0]).toBe(998);
    expect(first!.ele[1]).toBeNaN();
    expect(first!.time[0]).toBe(Date.parse('2018-03-13T12:44:45Z') * 1000);
    expect(first!.time[1]).toBeNaN();
    expect(empty!.count).toBe(0);
    expect(parsed.tracks[1]!.name).toBeNull();
  });

  it('reads only the first <ele>/<time>/<name> child and ElementTree text before child elements', async () => {
    const parsed = await parseGpx(
      Buffer.from(
        gpx(
          `<trk><name>a<![CDATA[&b]]>&amp;c<x/>tail</name><name>second</name><trkseg>${pt(1, 2, '<ele>5<x/>9</ele><ele>7</ele><extensions><ele>8</ele></extensions>')}</trkseg></trk>`,
        ),
      ),
    );

    expect(parsed.tracks[0]!.name).toBe('a&b&c');
    expect(parsed.tracks[0]!.segments[0]!.ele[0]).toBe(5);
  });

  it('ignores elements in other namespaces and accepts any root name (gpxpy)', async () => {
    const parsed = await parseGpx(
      Buffer.from(
        '<foo xmlns="http://www.topografix.com/GPX/1/0" xmlns:g="urn:x"><g:trk><trkseg/></g:trk><trk><trkseg/></trk></foo>',
      ),
    );

    expect(parsed.tracks).toHaveLength(1);
  });

  it('parses from a stream split at arbitrary byte boundaries (UTF-8 across chunks)', async () => {
    const bytes = Buffer.from(
      gpx(`<trk><name>Été à Nîmes</name><trkseg>${pt(1, 2)}</trkseg></trk>`),
    );
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));

    const parsed = await parseGpx(Readable.from(chunks));

    expect(parsed.tracks[0]!.name).toBe('Été à Nîmes');
  });

  it.each([
    ['a DOCTYPE, even harmless', `<!DOCTYPE gpx>${gpx('<trk/>')}`],
    ['an internal subset', `<!DOCTYPE gpx [<!ENTITY a "b">]>${gpx('<trk><name>&a;</name></trk>')}`],
    ['an undeclared entity', gpx('<trk><name>&nbsp;</name></trk>')],
    ['invalid UTF-8', Buffer.concat([Buffer.from(gpx('<trk><name>')), Buffer.from([0xff, 0xfe])])],
    ['a truncated file', gpx('<trk><trkseg>').slice(0, -8)],
    ['text after the root', `${gpx('<trk/>')}junk`],
    ['an unbound prefix', gpx('<trk><x:y/></trk>')],
    ['a point without lat', gpx('<trk><trkseg><trkpt lon="1"/></trkseg></trk>')],
    ['a non-numeric lon', gpx('<trk><trkseg><trkpt lat="1" lon="east"/></trkseg></trk>')],
    ['a whitespace-only <ele>', gpx(`<trk><trkseg>${pt(1, 2, '<ele> </ele>')}</trkseg></trk>`)],
    ['a non-integer <sat>', gpx(`<trk><trkseg>${pt(1, 2, '<sat>4.0</sat>')}</trkseg></trk>`)],
    ['an unknown <fix>', gpx(`<trk><trkseg>${pt(1, 2, '<fix>3D</fix>')}</trkseg></trk>`)],
    ['a non-integer track <number>', gpx('<trk><number>x</number></trk>')],
    ['a bad waypoint', gpx('<wpt lat="x" lon="1"/><trk/>')],
    ['bad metadata bounds', gpx('<metadata><bounds minlat="north"/></metadata><trk/>')],
  ])('refuses %s → gpx file is invalid', async (_label, xml) => {
    expect(await refusal(xml)).toBe('gpx file is invalid');
  });

  it.each([
    ['<ele/> without text', gpx(`<trk><trkseg>${pt(1, 2, '<ele/>')}</trkseg></trk>`)],
    [
      'an unparsable <time>',
      gpx(`<trk><trkseg>${pt(1, 2, '<time>yesterday</time>')}</trkseg></trk>`),
    ],
    [
      'a second bad <sat>',
      gpx(`<trk><trkseg>${pt(1, 2, '<sat>1</sat><sat>x</sat>')}</trkseg></trk>`),
    ],
    [
      'GPX 1.1 points with a bad <speed>',
      gpx(`<trk><trkseg>${pt(1, 2, '<speed>fast</speed>')}</trkseg></trk>`),
    ],
    ['a UTF-8 BOM', `\ufeff${gpx('<trk/>')}`],
  ])('accepts %s', async (_label, xml) => {
    expect(await refusal(xml)).toBe('accepted');
  });

  it('checks <speed> of GPX 1.0 track points', async () => {
    const xml = gpx(
      `<trk><trkseg>${pt(1, 2, '<speed>fast</speed>')}</trkseg></trk>`,
      '<gpx version="1.0">',
    );

    expect(await refusal(xml)).toBe('gpx file is invalid');
  });

  it('refuses a file without <trk> → no tracks in gpx file', async () => {
    expect(await refusal(gpx('<rte><rtept lat="1" lon="2"/></rte>'))).toBe('no tracks in gpx file');
  });
});
