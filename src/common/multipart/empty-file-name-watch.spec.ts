import { PassThrough } from 'node:stream';

import { watchEmptyFileName } from 'src/common/multipart/empty-file-name-watch';

function seenIn(chunks: Buffer[]): boolean {
  const body = new PassThrough();
  const isSeen = watchEmptyFileName(body);
  for (const chunk of chunks) body.write(chunk);
  body.end();
  return isSeen();
}

function split(text: string, at: number): Buffer[] {
  const bytes = Buffer.from(text, 'latin1');
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

const part = (disposition: string): string =>
  `--b\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n<gpx creator="">…</gpx>\r\n--b--\r\n`;
const filler = 'x'.repeat(70_000);

describe('watchEmptyFileName', () => {
  it('sees an empty file name wherever the chunks are cut', () => {
    const body = `--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n${part('name="file"; filename=""')}`;
    for (let at = 0; at <= body.length; at++) expect(seenIn(split(body, at))).toBe(true);
  });

  it('sees it deep inside a large chunk, in any letter case', () => {
    const body = `${filler}${part('NAME="file" ; FileName=""')}${filler}`;
    expect(seenIn([Buffer.from(body, 'latin1')])).toBe(true);
  });

  it('ignores named files and empty values elsewhere', () => {
    const body = `${filler}${part('name="file"; filename="a.gpx"')}${part('name="other"; filename=""')}`;
    for (const at of [0, 1000, filler.length + 40, body.length])
      expect(seenIn(split(body, at))).toBe(false);
  });

  it('works through many small chunks', () => {
    const body = Buffer.from(`${filler}${part('name="file"; filename=""')}`, 'latin1');
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 7) chunks.push(body.subarray(i, i + 7));
    expect(seenIn(chunks)).toBe(true);
  });
});
