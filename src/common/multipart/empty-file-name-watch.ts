import type { Readable } from 'node:stream';

/** A `file` part header with an empty file name, as a browser sends it when none is chosen. */
const EMPTY_FILE_PART = /name="file"\s*;\s*filename=""/i;
const TAIL = 256;
const EMPTY_VALUE = Buffer.from('=""', 'latin1');

/**
 * multer silently drops file parts whose file name is empty, but FitTrackee (Werkzeug keeps them
 * as files named '') answers those with `no selected file` rather than `no file part`
 * (docs/uploads.md#validation rule 3, FitTrackee `POST /api/auth/picture`). This watches the body
 * bytes on their way to multer for such a part header; it keeps only a short tail.
 */
export function watchEmptyFileName(body: Readable): () => boolean {
  let isSeen = false;
  let tail = '';
  body.on('data', (chunk: Buffer) => {
    if (isSeen) return;
    // Across the chunk boundary: the previous tail and the start of this chunk.
    const head = chunk.toString('latin1', 0, Math.min(chunk.length, TAIL));
    if (EMPTY_FILE_PART.test(tail + head)) isSeen = true;
    // Inside the chunk, only where an empty quoted value is (found natively: a 10 MB upload
    // is not turned into a string to be searched).
    for (
      let at = chunk.indexOf(EMPTY_VALUE);
      at >= 0 && !isSeen;
      at = chunk.indexOf(EMPTY_VALUE, at + 1)
    ) {
      const window = chunk.toString('latin1', Math.max(0, at - TAIL), at + EMPTY_VALUE.length);
      if (EMPTY_FILE_PART.test(window)) isSeen = true;
    }
    tail =
      chunk.length >= TAIL
        ? chunk.toString('latin1', chunk.length - TAIL)
        : (tail + head).slice(-TAIL);
  });
  return () => isSeen;
}
