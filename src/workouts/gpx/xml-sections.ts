import { xmlNameEnd } from 'src/workouts/gpx/xml-chars';
import { isSpace, XmlSyntaxError } from 'src/workouts/gpx/xml-text';

/** Where the tokenizer is: in text (or markup), or inside the body of one of these sections. */
export const SECTION = { text: 0, comment: 1, cdata: 2, pi: 3 } as const;

/** What closes each section's body (indexed by `SECTION`). */
export const SECTION_TERMINATORS: readonly string[] = ['', '-->', ']]>', '?>'];

const GT = 0x3e;
const QUESTION = 0x3f;

/**
 * `<?target …` at `lt`: the position after the target, where the PI body starts; −1 when the
 * chunk ends first. The target must be a Name other than `xml` in any case (XML §2.6).
 */
export function piBodyStart(buf: Buffer, lt: number): number {
  const targetEnd = xmlNameEnd(buf, lt + 2);
  if (targetEnd < 0) return -1;
  const target = buf.toString('utf8', lt + 2, targetEnd);
  if (target.toLowerCase() === 'xml' || targetEnd === lt + 2) throw new XmlSyntaxError('bad PI');
  const after = buf[targetEnd];
  if (after === undefined) return -1;
  if (!isSpace(after) && !(after === QUESTION && buf[targetEnd + 1] === GT)) {
    if (buf[targetEnd + 1] === undefined && after === QUESTION) return -1;
    throw new XmlSyntaxError('bad PI');
  }
  return targetEnd;
}

/**
 * Where the body of `section` starting at `pos` ends (the index of its terminator), −1 when the
 * chunk ends first; refuses control characters and, in comments, `--` (XML §2.2, §2.5).
 */
export function sectionEnd(buf: Buffer, pos: number, section: number): number {
  const end = buf.indexOf(SECTION_TERMINATORS[section] ?? '', pos);
  const bodyEnd = end < 0 ? buf.length : end;
  for (let i = pos; i < bodyEnd; i++) {
    const c = buf[i] ?? 0;
    if (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd)
      throw new XmlSyntaxError('control character');
  }
  if (section === SECTION.comment) {
    // A comment body may not hold `--` nor end with `-`.
    const dashes = buf.indexOf('--', pos);
    if (dashes >= 0 && (end >= 0 ? dashes < end : dashes + 2 < buf.length)) {
      throw new XmlSyntaxError('-- in comment');
    }
  }
  return end;
}

/**
 * In a section body that runs past the chunk: where to cut so that a terminator split by the
 * boundary is seen whole with the next chunk (the last two bytes, never inside a character).
 */
export function sectionHoldBack(buf: Buffer, pos: number): number {
  let cut = Math.max(pos, buf.length - 2);
  while (cut > pos && ((buf[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}
