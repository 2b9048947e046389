/**
 * Skips an element the GPX builder ignores inside a track point (`<extensions>` with heart
 * rate and cadence, `<name>`, GPX 1.1 `<speed>`…) for the track-point scanner, checking what
 * the event path would check there: names, prefixes bound, tags matched, character data
 * without references, control characters or `]]>`. Anything else — attributes, comments,
 * CDATA, PIs, references, non-ASCII names, deep nesting — gives up (−1).
 */
export interface PointChildNames {
  /** Whether an element with this name directly in a `<trkpt>` is ignored by the builder. */
  isIgnoredChild(buf: Buffer, start: number, end: number): boolean;
  /** Whether a name deeper inside an ignored element is accepted (a prefix must be bound). */
  isAcceptedDescendant(buf: Buffer, start: number, end: number): boolean;
  /**
   * For a point field the builder converts and checks (`hdop`, `sat`, `fix`, GPX 1.0
   * `speed`…): its `FIELD_BITS` bit times 4 plus its `FieldCheck`; 0 for any other name.
   */
  checkedField(buf: Buffer, start: number, end: number): number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const MAX_DEPTH = 8;
const names = new Int32Array(MAX_DEPTH * 2);

/** `lt`: the `<` of the child's start tag; returns the position after its end tag, or −1. */
export function skipIgnoredElement(
  buf: Buffer,
  lt: number,
  n: number,
  verdicts: PointChildNames,
): number {
  let depth = 0;
  let i = lt;
  for (;;) {
    // `i` is at the `<` of a start tag.
    const nameEnd = simpleNameEnd(buf, i + 1, n);
    if (nameEnd < 0) return -1;
    const isAccepted =
      depth === 0
        ? verdicts.isIgnoredChild(buf, i + 1, nameEnd)
        : verdicts.isAcceptedDescendant(buf, i + 1, nameEnd);
    if (!isAccepted) return -1;
    if (buf[nameEnd] === SLASH && buf[nameEnd + 1] === GT) {
      i = nameEnd + 2;
      if (depth === 0) return i;
    } else if (buf[nameEnd] === GT) {
      if (depth === MAX_DEPTH) return -1;
      names[2 * depth] = i + 1;
      names[2 * depth + 1] = nameEnd;
      depth++;
      i = nameEnd + 1;
    } else {
      return -1;
    }
    // Content, then end tags, until the next start tag or the end of the element.
    for (;;) {
      i = textEnd(buf, i, n);
      if (i < 0 || i + 1 >= n) return -1;
      if (buf[i + 1] !== SLASH) break;
      const start = names[2 * depth - 2] ?? 0;
      const length = (names[2 * depth - 1] ?? 0) - start;
      if (i + 2 + length >= n || buf[i + 2 + length] !== GT) return -1;
      for (let k = 0; k < length; k++) if (buf[i + 2 + k] !== buf[start + k]) return -1;
      i += length + 3;
      depth--;
      if (depth === 0) return i;
    }
  }
}

/** Character data from `from` to the next `<`; −1 for what the scanner leaves to the event path. */
function textEnd(buf: Buffer, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const c = buf[i] ?? 0;
    if (c === LT) return i;
    if (c === 0x26) return -1;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return -1;
    if (c === 0x5d && buf[i + 1] === 0x5d && buf[i + 2] === GT) return -1;
  }
  return -1;
}

/**
 * End of an ASCII name `[A-Za-z_][A-Za-z0-9_.-]*`, with at most one `:` between two such
 * parts, at `from`; −1 for anything else (such names go through the event path).
 */
export function simpleNameEnd(buf: Buffer, from: number, n: number): number {
  let i = from;
  let isPartStart = true;
  let colons = 0;
  for (; i < n; i++) {
    const c = buf[i] ?? 0;
    const isLetter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (isLetter) {
      isPartStart = false;
    } else if (!isPartStart && ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e)) {
      continue;
    } else if (c === 0x3a && !isPartStart && colons === 0) {
      colons++;
      isPartStart = true;
    } else {
      return isPartStart ? -1 : i;
    }
  }
  return -1;
}
