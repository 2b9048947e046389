import type { XmlAttributes, XmlHandler } from 'src/workouts/gpx/xml-attributes';
import { resolveReference, xmlNameEnd } from 'src/workouts/gpx/xml-chars';
import {
  piBodyStart,
  SECTION,
  SECTION_TERMINATORS,
  sectionEnd,
  sectionHoldBack,
} from 'src/workouts/gpx/xml-sections';
import {
  attributeValue,
  checkDeclaration,
  isSpace,
  safeTextEnd,
  sameBytes,
  slice,
  XmlSyntaxError,
} from 'src/workouts/gpx/xml-text';

export { XmlSyntaxError };

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const MAX_TOKEN_BYTES = 4 << 20;

/**
 * A well-formedness-checking XML 1.0 tokenizer over UTF-8 bytes (validated beforehand), for
 * speed on large GPX files: no DTD at all (any `<!DOCTYPE` is an error), only the predefined
 * entities and character references, tags matched, one root, nothing but comments, PIs and
 * spaces around it. Chunks may split any construct; an unfinished tag waits for the next chunk.
 */
export class XmlTokenizer {
  private pending: Buffer | null = null;
  private state: number = SECTION.text;
  private isStarted = false;
  private isRootClosed = false;
  private isFinal = false;
  private readonly stack: string[] = [];
  private readonly attributes: XmlAttributes = { count: 0, names: [], values: [] };
  private readonly names = new Map<number, string[]>();

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: Buffer): void {
    if (!this.isStarted) {
      this.writeFirst(chunk);
      return;
    }
    const from = this.pending === null ? 0 : this.bridge(chunk);
    if (from >= 0) this.keep(chunk, this.run(chunk, from));
  }

  /** Until the XML declaration is read, bytes are gathered (it must come first, whole). */
  private writeFirst(chunk: Buffer): void {
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    const started = buf.length < 6 ? null : this.start(buf, false);
    if (started === null) {
      if (buf.length > MAX_TOKEN_BYTES) throw new XmlSyntaxError('xml declaration');
      this.pending = Buffer.from(buf);
      return;
    }
    buf = started;
    this.keep(buf, this.run(buf, 0));
  }

  /**
   * Finishes the construct held back from the previous chunk with only as many bytes of this
   * one as it needs (copying a few kB, not every chunk); returns where to go on in `chunk`, or
   * −1 when all of it went into the held-back bytes.
   */
  private bridge(chunk: Buffer): number {
    let pending = this.pending ?? Buffer.alloc(0);
    this.pending = null;
    let take = Math.min(chunk.length, 4096);
    for (;;) {
      const head = Buffer.concat([pending, chunk.subarray(0, take)]);
      const rest = this.run(head, 0);
      if (rest >= pending.length) return rest - pending.length;
      if (take === chunk.length) {
        this.keep(head, rest);
        return -1;
      }
      // What was read is gone for good; retry the rest with more of the chunk.
      pending = pending.subarray(rest);
      take = Math.min(chunk.length, take * 4);
    }
  }

  /** Holds back `buf` from `rest` on (an unfinished construct) for the next chunk. */
  private keep(buf: Buffer, rest: number): void {
    if (rest >= buf.length) return;
    if (buf.length - rest > MAX_TOKEN_BYTES) throw new XmlSyntaxError('token too long');
    this.pending = Buffer.from(buf.subarray(rest));
  }

  end(): void {
    let rest = this.pending ?? Buffer.alloc(0);
    this.pending = null;
    if (!this.isStarted) rest = this.start(rest, true) ?? rest;
    this.isFinal = true;
    if (this.run(rest, 0) < rest.length) throw new XmlSyntaxError('unexpected end');
    if (this.state !== SECTION.text || !this.isRootClosed)
      throw new XmlSyntaxError('unexpected end');
  }

  /** Skips a BOM and checks the XML declaration, which only the very start may hold. */
  private start(buf: Buffer, isLast: boolean): Buffer | null {
    let b = buf;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    if (b.subarray(0, 5).toString('latin1') === '<?xml' && isSpace(b[5] ?? 0)) {
      const end = b.indexOf('?>', 5);
      if (end < 0) {
        if (isLast) throw new XmlSyntaxError('xml declaration');
        return null;
      }
      checkDeclaration(b.subarray(5, end).toString('latin1'));
      b = b.subarray(end + 2);
    } else if (!isLast && b.length < 9) {
      return null;
    }
    this.isStarted = true;
    return b;
  }

  /** Consumes complete constructs; returns where the unconsumed rest starts. */
  private run(buf: Buffer, from: number): number {
    let pos = from;
    const n = buf.length;
    while (pos < n) {
      if (this.state !== SECTION.text) {
        const next = this.continueSection(buf, pos);
        if (next < 0) return this.isFinal ? pos : this.sectionRest(buf, pos);
        pos = next;
        continue;
      }
      const lt = buf.indexOf(LT, pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > pos) {
        const stop = this.text(
          buf,
          pos,
          lt < 0 && !this.isFinal ? safeTextEnd(buf, pos, textEnd) : textEnd,
        );
        if (stop < textEnd) return stop;
        pos = textEnd;
      }
      if (lt < 0) return n;
      const next = this.markup(buf, lt);
      if (next < 0) return lt;
      pos = next;
    }
    return pos;
  }

  /** Character data [start, end): checked; decoded only when the handler captures it. */
  private text(buf: Buffer, start: number, end: number): number {
    const isContent = this.stack.length > 0;
    let hasAmp = false;
    let isAscii = true;
    for (let i = start; i < end; i++) {
      const c = buf[i] ?? 0;
      if (c >= 0x80) {
        isAscii = false;
        if (!isContent) throw new XmlSyntaxError('text outside the root element');
      } else if (c < 0x20) {
        if (c !== 0x9 && c !== 0xa && c !== 0xd) throw new XmlSyntaxError('control character');
      } else if (!isContent) {
        if (c !== 0x20) throw new XmlSyntaxError('text outside the root element');
      } else if (c === AMP) {
        hasAmp = true;
      } else if (c === 0x5d && buf[i + 1] === 0x5d && buf[i + 2] === GT) {
        throw new XmlSyntaxError(']]> in text');
      }
    }
    if (!hasAmp) {
      if (this.handler.isCapturing) this.handler.characters(slice(buf, start, end, isAscii));
      return end;
    }
    const parts: string[] = [];
    let from = start;
    for (let amp = buf.indexOf(AMP, start); amp >= 0 && amp < end; amp = buf.indexOf(AMP, from)) {
      const semi = buf.indexOf(0x3b, amp);
      if (semi < 0 || semi >= end) throw new XmlSyntaxError('unterminated reference');
      const value = resolveReference(buf.toString('latin1', amp + 1, semi));
      if (value === undefined) throw new XmlSyntaxError('undefined entity');
      parts.push(buf.toString('utf8', from, amp), value);
      from = semi + 1;
    }
    return this.flushText(parts, buf, from, end);
  }

  private flushText(parts: string[], buf: Buffer, from: number, end: number): number {
    parts.push(buf.toString('utf8', from, end));
    if (this.handler.isCapturing) this.handler.characters(parts.join(''));
    return end;
  }

  /** `<…` at `lt`: returns the position after the construct, or −1 when it is not complete. */
  private markup(buf: Buffer, lt: number): number {
    const c1 = buf[lt + 1];
    if (c1 === undefined) return -1;
    if (c1 === 0x2f) return this.endTag(buf, lt);
    if (c1 === 0x3f) return this.openSection(buf, lt, SECTION.pi, 2);
    if (c1 !== 0x21) {
      const end = this.handler.readElement ? this.handler.readElement(buf, lt) : -1;
      return end >= 0 ? end : this.startTag(buf, lt);
    }
    if (buf.length - lt < 4) return -1;
    if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d)
      return this.openSection(buf, lt, SECTION.comment, 4);
    const opening = buf.toString('latin1', lt + 2, lt + 9);
    if (opening === '[CDATA[' && this.stack.length > 0)
      return this.openSection(buf, lt, SECTION.cdata, 9);
    if (opening.length < 7 && '[CDATA['.startsWith(opening)) return -1;
    throw new XmlSyntaxError('DOCTYPE or declaration refused');
  }

  private openSection(buf: Buffer, lt: number, state: number, skip: number): number {
    const bodyStart = state === SECTION.pi ? piBodyStart(buf, lt) : lt + skip;
    if (bodyStart >= 0) this.state = state;
    return bodyStart;
  }

  /** Finishes a comment, CDATA section or PI body; −1 when the chunk ends first. */
  private continueSection(buf: Buffer, pos: number): number {
    const end = sectionEnd(buf, pos, this.state);
    if (end < 0) return -1;
    if (this.state === SECTION.cdata && this.handler.isCapturing) {
      this.handler.characters(buf.toString('utf8', pos, end));
    }
    const after = end + (SECTION_TERMINATORS[this.state]?.length ?? 0);
    this.state = SECTION.text;
    return after;
  }

  /** Keeps the last bytes of an open section: its terminator may straddle the boundary. */
  private sectionRest(buf: Buffer, pos: number): number {
    const cut = sectionHoldBack(buf, pos);
    if (this.state === SECTION.cdata && this.handler.isCapturing && cut > pos) {
      // CDATA text is passed on as it comes; only a possible `]]` is held back.
      this.handler.characters(buf.toString('utf8', pos, cut));
    }
    return cut;
  }

  private endTag(buf: Buffer, lt: number): number {
    const nameEnd = xmlNameEnd(buf, lt + 2);
    if (nameEnd < 0) return -1;
    let i = nameEnd;
    while (i < buf.length && isSpace(buf[i] ?? 0)) i++;
    if (i >= buf.length) return -1;
    if (buf[i] !== GT) throw new XmlSyntaxError('bad end tag');
    const name = this.name(buf, lt + 2, nameEnd);
    if (this.stack.pop() !== name) throw new XmlSyntaxError('mismatched end tag');
    this.handler.closeTag();
    if (this.stack.length === 0) this.isRootClosed = true;
    return i + 1;
  }

  private startTag(buf: Buffer, lt: number): number {
    if (this.isRootClosed) throw new XmlSyntaxError('second root element');
    const nameEnd = xmlNameEnd(buf, lt + 1);
    if (nameEnd < 0) return -1;
    if (nameEnd === lt + 1) throw new XmlSyntaxError('bad start tag');
    const attrs = this.attributes;
    attrs.count = 0;
    let i = nameEnd;
    for (;;) {
      const spaceStart = i;
      while (i < buf.length && isSpace(buf[i] ?? 0)) i++;
      const c = buf[i];
      if (c === undefined) return -1;
      if (c === GT || c === 0x2f) {
        if (c === 0x2f) {
          if (buf[i + 1] === undefined) return -1;
          if (buf[i + 1] !== GT) throw new XmlSyntaxError('bad empty tag');
        }
        const name = this.name(buf, lt + 1, nameEnd);
        this.stack.push(name);
        this.handler.openTag(name, attrs);
        if (c === 0x2f) {
          this.stack.pop();
          this.handler.closeTag();
          if (this.stack.length === 0) this.isRootClosed = true;
          return i + 2;
        }
        return i + 1;
      }
      if (i === spaceStart) throw new XmlSyntaxError('attributes need spaces between them');
      i = this.attribute(buf, i);
      if (i < 0) return -1;
    }
  }

  /** One `name = "value"`; returns the position after it, −1 when incomplete. */
  private attribute(buf: Buffer, start: number): number {
    const nameEnd = xmlNameEnd(buf, start);
    if (nameEnd < 0) return -1;
    if (nameEnd === start) throw new XmlSyntaxError('bad attribute');
    let i = nameEnd;
    while (i < buf.length && isSpace(buf[i] ?? 0)) i++;
    if (i >= buf.length) return -1;
    if (buf[i] !== 0x3d) throw new XmlSyntaxError('attribute without value');
    i++;
    while (i < buf.length && isSpace(buf[i] ?? 0)) i++;
    const quote = buf[i];
    if (quote === undefined) return -1;
    if (quote !== 0x22 && quote !== 0x27) throw new XmlSyntaxError('unquoted attribute');
    const close = buf.indexOf(quote, i + 1);
    if (close < 0) return -1;
    const value = attributeValue(buf, i + 1, close);
    const name = this.name(buf, start, nameEnd);
    const attrs = this.attributes;
    for (let k = 0; k < attrs.count; k++) {
      if (attrs.names[k] === name) throw new XmlSyntaxError('duplicate attribute');
    }
    attrs.names[attrs.count] = name;
    attrs.values[attrs.count] = value;
    attrs.count++;
    return close + 1;
  }

  /** Names repeat endlessly in a GPX file: reuse one string per distinct byte sequence. */
  private name(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    const key = length * 65536 + (buf[start] ?? 0) * 256 + (buf[end - 1] ?? 0);
    const candidates = this.names.get(key);
    if (candidates) {
      for (const candidate of candidates) if (sameBytes(buf, start, candidate)) return candidate;
    }
    const name = buf.toString('utf8', start, end);
    if (candidates) candidates.push(name);
    else this.names.set(key, [name]);
    return name;
  }
}
