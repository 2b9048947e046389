import { isUtf8 } from 'node:buffer';

/**
 * Strict UTF-8 over a byte stream (FitTrackee reads the file as UTF-8 text: invalid bytes make
 * it `gpx file is invalid`), plus the two non-characters XML forbids (U+FFFE, U+FFFF).
 * A sequence cut by a chunk boundary is checked with the next chunk.
 */
export class Utf8Validator {
  private carry: Buffer | null = null;

  /** Whether the bytes so far are valid; call `end()` to reject a truncated last sequence. */
  push(chunk: Buffer): boolean {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(bytes);
    const whole = cut === 0 ? bytes : bytes.subarray(0, bytes.length - cut);
    this.carry = cut === 0 ? null : Buffer.from(bytes.subarray(bytes.length - cut));
    return isUtf8(whole) && !hasNonCharacter(whole);
  }

  end(): boolean {
    return this.carry === null;
  }
}

/** Bytes at the end that start a multi-byte sequence not complete yet (0 to 3). */
function incompleteTail(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] ?? 0;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

function hasNonCharacter(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(0xef); i >= 0; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)) return true;
  }
  return false;
}
