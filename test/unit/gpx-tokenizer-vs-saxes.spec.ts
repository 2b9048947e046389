import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

import { SaxesParser } from 'saxes';
import { GpxDocumentBuilder } from 'src/workouts/gpx/gpx-document-builder';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';
import type { XmlAttributes } from 'src/workouts/gpx/xml-attributes';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';

/** The same document builder driven by saxes (a mature XML parser), as a reference. */
function parseWithSaxes(xml: Buffer): ParsedGpx | 'invalid' {
  const builder = new GpxDocumentBuilder();
  const sax = new SaxesParser({ xmlns: false, position: false });
  sax.on('doctype', () => {
    throw new Error('doctype');
  });
  sax.on('error', (e) => {
    throw e;
  });
  sax.on('opentag', (tag) => {
    const names = Object.keys(tag.attributes);
    const attrs: XmlAttributes = {
      count: names.length,
      names,
      values: Object.values(tag.attributes),
    };
    builder.openTag(tag.name, attrs);
  });
  sax.on('closetag', () => {
    builder.closeTag();
  });
  sax.on('text', (t) => {
    builder.characters(t);
  });
  sax.on('cdata', (t) => {
    builder.characters(t);
  });
  try {
    sax.write(new TextDecoder('utf-8', { fatal: true }).decode(xml)).close();
    return builder.result();
  } catch {
    return 'invalid';
  }
}

async function parseWithTokenizer(xml: Buffer, chunk?: number): Promise<ParsedGpx | 'invalid'> {
  const input = chunk === undefined ? xml : Readable.from(splitBytes(xml, chunk));
  return parseGpx(input).catch((e: unknown) =>
    (e as Error).message === 'no tracks in gpx file' ? { tracks: [] } : 'invalid',
  );
}

function splitBytes(xml: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < xml.length; i += size) parts.push(xml.subarray(i, i + size));
  return parts;
}

const ok = (body: string): string => `<gpx><trk><name>${body}</name></trk></gpx>`;
const SNIPPETS = [
  ok('plain'),
  ok('a &lt; b &amp; c &#233; &#x1F600;'),
  ok('<![CDATA[ <not> & markup ]]>'),
  ok('a<!-- comment -->b'),
  ok('a<?pi data?>b'),
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c -->\n${ok('x')}\n<?pi?>\n`,
  `\ufeff${ok('bom')}`,
  ok('line\r\nbreak\rhere'),
  '<gpx a="1"\tb=\'2\' c = "x&quot;y&#10;z"><trk/></gpx>',
  ok('ünïcödé ✓'),
  '<gpx><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>',
  ok('a ]] b ] c'),
  // refused
  ok('a &bogus; b'),
  ok('a & b'),
  ok('a &#0; b'),
  ok('a &#xD800; b'),
  ok('a ]]> b'),
  ok('a <!-- x -- y --> b'),
  ok('a <!-- x ---> b'),
  ok('a <?xml version="1.0"?> b'),
  ok('\u0001'),
  '<gpx><trk></gpx>',
  '<gpx><trk/></gpx><gpx/>',
  '<gpx><trk/></gpx>text',
  'text<gpx><trk/></gpx>',
  '<gpx a="1" a="2"><trk/></gpx>',
  '<gpx a="1"b="2"><trk/></gpx>',
  '<gpx a=1><trk/></gpx>',
  '<gpx a="<"><trk/></gpx>',
  '<1gpx><trk/></1gpx>',
  '<gpx><trk/></gpx >',
  '<gpx><trk/></ gpx>',
  '<!DOCTYPE gpx><gpx><trk/></gpx>',
  '<gpx><![CDATA[x]]><trk/></gpx>',
  '<![CDATA[x]]><gpx><trk/></gpx>',
  ' <?xml version="1.0"?><gpx><trk/></gpx>',
  '<?xml version="2.0"?><gpx><trk/></gpx>',
  '<?xml encoding="UTF-8"?><gpx><trk/></gpx>',
  '',
  '<gpx>',
];

describe('byte tokenizer agrees with saxes', () => {
  it.each(SNIPPETS.map((s) => [s]))('%p', async (snippet) => {
    const xml = Buffer.from(snippet);
    const expected = parseWithSaxes(xml);

    expect(await parseWithTokenizer(xml)).toEqual(expected);
    for (const size of [1, 2, 3, 7]) expect(await parseWithTokenizer(xml, size)).toEqual(expected);
  });

  const dir = path.join(sharedFixturesDir(), 'gpx');
  const files = readdirSync(dir).filter((f) => f.endsWith('.gpx'));

  it.each(files.map((f) => [f]))(
    '%s gives the same tracks, whatever the chunk size',
    async (file) => {
      const xml = readFileSync(path.join(dir, file));
      const expected = parseWithSaxes(xml);

      expect(expected).not.toBe('invalid');
      expect(await parseWithTokenizer(xml)).toEqual(expected);
      expect(await parseWithTokenizer(xml, 4093)).toEqual(expected);
    },
  );
});
