/**
 * XML 1.0 (fifth edition) character classes and references for the byte tokenizer: names
 * (§2.3 NameStartChar / NameChar), characters (§2.2 Char) and the five predefined entities —
 * the only ones a document without DTD may use (§4.6; no DTD is ever read,
 * docs/uploads.md#hostile-input).
 */
export function isNameStartCode(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  }
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}

export function isNameCode(c: number): boolean {
  if (isNameStartCode(c)) return true;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
  return c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);
}

export function isXmlCharCode(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};

/** The text of `&body;` (body without `&` and `;`), or undefined when not allowed. */
export function resolveReference(body: string): string | undefined {
  if (body.startsWith('#')) {
    const isHex = body[1] === 'x';
    const digits = body.slice(isHex ? 2 : 1);
    if (!(isHex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || digits.length > 8)
      return undefined;
    const code = parseInt(digits, isHex ? 16 : 10);
    return isXmlCharCode(code) ? String.fromCodePoint(code) : undefined;
  }
  return Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : undefined;
}

/** Code point of the UTF-8 sequence at `i` (input already validated as UTF-8) and its length. */
export function decodeUtf8At(buf: Uint8Array, i: number): [code: number, length: number] {
  const b0 = buf[i] ?? 0;
  if (b0 < 0x80) return [b0, 1];
  if (b0 < 0xe0) return [((b0 & 0x1f) << 6) | ((buf[i + 1] ?? 0) & 0x3f), 2];
  if (b0 < 0xf0) {
    return [
      ((b0 & 0x0f) << 12) | (((buf[i + 1] ?? 0) & 0x3f) << 6) | ((buf[i + 2] ?? 0) & 0x3f),
      3,
    ];
  }
  const code =
    ((b0 & 0x07) << 18) |
    (((buf[i + 1] ?? 0) & 0x3f) << 12) |
    (((buf[i + 2] ?? 0) & 0x3f) << 6) |
    ((buf[i + 3] ?? 0) & 0x3f);
  return [code, 4];
}

/** End of the XML Name starting at `start` (== start when none); −1 when the chunk ends in it. */
export function xmlNameEnd(buf: Buffer, start: number): number {
  let i = start;
  while (i < buf.length) {
    const c = buf[i] ?? 0;
    if (c < 0x80) {
      const ok = i === start ? isNameStartCode(c) : isNameCode(c);
      if (!ok) return i;
      i++;
      continue;
    }
    const [code, length] = decodeUtf8At(buf, i);
    if (i + length > buf.length) return -1;
    if (!(i === start ? isNameStartCode(code) : isNameCode(code))) return i;
    i += length;
  }
  return -1;
}
