import { resolveReference } from 'src/workouts/gpx/xml-chars';

/** Byte-level helpers of the XML tokenizer: text slices, attribute values, the declaration. */
export class XmlSyntaxError extends Error {}

const LT = 0x3c;
const AMP = 0x26;

export function sameBytes(buf: Buffer, start: number, candidate: string): boolean {
  for (let k = 0; k < candidate.length; k++) {
    const code = candidate.charCodeAt(k);
    if (code >= 0x80)
      return buf.toString('utf8', start, start + Buffer.byteLength(candidate)) === candidate;
    if (buf[start + k] !== code) return false;
  }
  return true;
}

/** Attribute value normalisation (XML §3.3.3): references resolved, `\r\n`/`\r`/`\n`/`\t` → space. */
export function attributeValue(buf: Buffer, start: number, end: number): string {
  let isPlain = true;
  let isAscii = true;
  for (let i = start; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c >= 0x80) isAscii = false;
    else if (c === LT) throw new XmlSyntaxError('< in attribute value');
    if (c < 0x20) {
      if (c !== 0x9 && c !== 0xa && c !== 0xd) throw new XmlSyntaxError('control character');
      isPlain = false;
    } else if (c === AMP) {
      isPlain = false;
    }
  }
  if (isPlain) return slice(buf, start, end, isAscii);
  const raw = buf
    .toString('utf8', start, end)
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\n]/g, ' ');
  return raw.replace(/&([^;]*);|&/g, (match, body: string | undefined) => {
    const value = body === undefined ? undefined : resolveReference(body);
    if (value === undefined) throw new XmlSyntaxError('undefined entity');
    return value;
  });
}

/**
 * Where text cut by the end of a chunk may safely stop: before the last 64 bytes (a reference
 * or `]]>` may straddle the boundary), on a character boundary, before an unfinished reference.
 */
export function safeTextEnd(buf: Buffer, start: number, end: number): number {
  let e = Math.max(start, end - 64);
  while (e > start && ((buf[e] ?? 0) & 0xc0) === 0x80) e--;
  const amp = buf.lastIndexOf(AMP, e - 1);
  if (amp >= start) {
    const semi = buf.indexOf(0x3b, amp);
    if (semi < 0 || semi >= e) e = amp;
  }
  return e;
}

type SliceableBuffer = Buffer & { latin1Slice?: (start: number, end: number) => string };

/** ASCII bytes decode the same as Latin-1, which Node slices without UTF-8 decoding. */
export function slice(buf: SliceableBuffer, start: number, end: number, isAscii: boolean): string {
  if (isAscii && buf.latin1Slice) return buf.latin1Slice(start, end);
  return buf.toString('utf8', start, end);
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa || c === 0x9 || c === 0xd;
}

/** `version="1.x"`, then optional `encoding` and `standalone` (XML §2.8), in that order. */
export function checkDeclaration(body: string): void {
  const pattern =
    /^\s*version\s*=\s*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:\s+encoding\s*=\s*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:\s+standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)'))?\s*$/;
  if (!pattern.test(body)) throw new XmlSyntaxError('bad xml declaration');
}
