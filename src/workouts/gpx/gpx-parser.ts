import type { Readable } from 'node:stream';

import { GpxDocumentBuilder } from 'src/workouts/gpx/gpx-document-builder';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';
import { Utf8Validator } from 'src/workouts/gpx/utf8-validator';
import { XmlSyntaxError, XmlTokenizer } from 'src/workouts/gpx/xml-tokenizer';

const CHUNK_BYTES = 1 << 16;
/** Let other requests run between slices of a large in-memory file. */
const YIELD_EVERY_BYTES = 8 << 20;

/**
 * Streaming GPX reader: strict UTF-8 (FitTrackee opens the file as UTF-8 text) and an XML
 * tokenizer without DTD support — a DOCTYPE is refused outright, so no entity is ever declared,
 * expanded or fetched (docs/uploads.md#hostile-input). The tokenizer works on bytes (saxes, which
 * the tests use as a cross-check, tops out near 48 MB/s here; the target is 60). Any XML or gpxpy content error → `gpx file is invalid`;
 * a file without `<trk>` → `no tracks in gpx file` (docs/uploads.md#validation item 9).
 */
export async function parseGpx(
  input: Buffer | readonly Buffer[] | Readable,
  isFastPathOn = true,
): Promise<ParsedGpx> {
  const reader = new GpxStreamReader(isFastPathOn);
  if (Buffer.isBuffer(input) || Array.isArray(input)) {
    let sinceYield = 0;
    for (const chunk of Buffer.isBuffer(input) ? [input] : (input as readonly Buffer[])) {
      for (let offset = 0; offset < chunk.length; offset += CHUNK_BYTES) {
        const piece = chunk.subarray(offset, offset + CHUNK_BYTES);
        reader.write(piece);
        sinceYield += piece.length;
        if (sinceYield >= YIELD_EVERY_BYTES) {
          sinceYield = 0;
          await yieldToLoop();
        }
      }
    }
    return reader.end();
  }
  // Leaving the loop early (refused content) destroys the stream; stream errors propagate as is.
  for await (const chunk of input as Readable) reader.write(toBuffer(chunk));
  return reader.end();
}

/** Synchronous variant for a file already in memory (chart data, segment extraction). */
export function parseGpxSync(input: Buffer, isFastPathOn = true): ParsedGpx {
  const reader = new GpxStreamReader(isFastPathOn);
  for (let offset = 0; offset < input.length; offset += CHUNK_BYTES) {
    reader.write(input.subarray(offset, offset + CHUNK_BYTES));
  }
  return reader.end();
}

/** The incremental reader behind `parseGpx`: `write` each piece, then `end`; both throw `GpxError`. */
export class GpxStreamReader {
  private readonly utf8 = new Utf8Validator();
  private readonly builder: GpxDocumentBuilder;
  private readonly xml: XmlTokenizer;

  constructor(isFastPathOn = true) {
    this.builder = new GpxDocumentBuilder(isFastPathOn);
    this.xml = new XmlTokenizer(this.builder);
  }

  write(bytes: Buffer): void {
    try {
      if (!this.utf8.push(bytes)) throw new XmlSyntaxError('invalid UTF-8');
      this.xml.write(bytes);
    } catch (error) {
      throw toGpxError(error);
    }
  }

  end(): ParsedGpx {
    try {
      if (!this.utf8.end()) throw new XmlSyntaxError('invalid UTF-8');
      this.xml.end();
    } catch (error) {
      throw toGpxError(error);
    }
    const parsed = this.builder.result();
    if (parsed.tracks.length === 0) throw new GpxError('noTracks');
    return parsed;
  }
}

/** A refusal that already says what is wrong (an out-of-range point) is kept as it is. */
function toGpxError(error: unknown): GpxError {
  return error instanceof GpxError ? error : new GpxError('invalid');
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('unsupported chunk');
}

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
