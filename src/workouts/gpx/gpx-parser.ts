import type { Readable } from 'node:stream';

import { SaxesParser } from 'saxes';
import { GpxDocumentBuilder } from 'src/workouts/gpx/gpx-document-builder';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import type { ParsedGpx } from 'src/workouts/gpx/gpx-types';

const CHUNK_BYTES = 1 << 20;
/** Let other requests run between slices of a large in-memory file. */
const YIELD_EVERY_BYTES = 8 << 20;

/**
 * Streaming GPX reader: strict UTF-8 (FitTrackee opens the file as UTF-8 text), saxes without
 * DTD support — a DOCTYPE is refused outright, so no entity is ever declared, expanded or
 * fetched (spec fixtures/hostile 05, 06). Any XML or gpxpy content error → `gpx file is invalid`;
 * a file without `<trk>` → `no tracks in gpx file` (spec workouts.md §4.1 item 9).
 */
export async function parseGpx(input: Buffer | Readable): Promise<ParsedGpx> {
  const reader = new GpxStreamReader();
  if (Buffer.isBuffer(input)) {
    for (let offset = 0; offset < input.length; offset += CHUNK_BYTES) {
      reader.write(input.subarray(offset, offset + CHUNK_BYTES));
      if (offset % YIELD_EVERY_BYTES === YIELD_EVERY_BYTES - CHUNK_BYTES) await yieldToLoop();
    }
    return reader.end();
  }
  // Leaving the loop early (refused content) destroys the stream; stream errors propagate as is.
  for await (const chunk of input) reader.write(toBuffer(chunk));
  return reader.end();
}

/** Synchronous variant for a file already in memory (chart data, segment extraction). */
export function parseGpxSync(input: Buffer): ParsedGpx {
  const reader = new GpxStreamReader();
  for (let offset = 0; offset < input.length; offset += CHUNK_BYTES) {
    reader.write(input.subarray(offset, offset + CHUNK_BYTES));
  }
  return reader.end();
}

class GpxStreamReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly builder = new GpxDocumentBuilder();
  private readonly sax = new SaxesParser({ xmlns: false, position: false });

  constructor() {
    const { builder, sax } = this;
    sax.on('doctype', () => {
      throw new Error('DOCTYPE refused');
    });
    sax.on('error', (error) => {
      throw error;
    });
    sax.on('opentag', (tag) => {
      builder.openTag(tag.name, tag.attributes);
    });
    sax.on('closetag', () => {
      builder.closeTag();
    });
    sax.on('text', (text) => {
      builder.characters(text);
    });
    sax.on('cdata', (text) => {
      builder.characters(text);
    });
  }

  write(bytes: Buffer): void {
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      if (text !== '') this.sax.write(text);
    } catch {
      throw new GpxError('invalid');
    }
  }

  end(): ParsedGpx {
    try {
      const rest = this.decoder.decode();
      if (rest !== '') this.sax.write(rest);
      this.sax.close();
    } catch {
      throw new GpxError('invalid');
    }
    const parsed = this.builder.result();
    if (parsed.tracks.length === 0) throw new GpxError('noTracks');
    return parsed;
  }
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
