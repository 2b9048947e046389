import type { Readable } from 'node:stream';

/** A `file` part header with an empty file name, as a browser sends it when none is chosen. */
const EMPTY_FILE_PART = /name="file"\s*;\s*filename=""/i;
const TAIL = 256;

/**
 * multer silently drops file parts whose file name is empty, but FitTrackee (Werkzeug keeps them
 * as files named '') answers those with `no selected file` rather than `no file part` (spec
 * workouts.md §4.1 rule 3, auth.md §4.10 step 3). This watches the body bytes on their way to
 * multer for such a part header; it keeps only a short tail.
 */
export function watchEmptyFileName(body: Readable): () => boolean {
  let isSeen = false;
  let tail = '';
  body.on('data', (chunk: Buffer) => {
    if (isSeen) return;
    const text = tail + chunk.toString('latin1', 0, Math.min(chunk.length, 1 << 16));
    if (EMPTY_FILE_PART.test(text)) isSeen = true;
    tail = chunk.length > TAIL ? chunk.toString('latin1', chunk.length - TAIL) : text.slice(-TAIL);
  });
  return () => isSeen;
}
