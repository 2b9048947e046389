import { hash } from 'node:crypto';

/** The tag of an empty body: the SHA-1 of nothing, as Express's generator writes it. */
const EMPTY_TAG = 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

/**
 * Express's default weak ETag (RFC 9110 §8.8.3: `W/"<length in hex>-<SHA-1, base64, 27
 * characters>"`), the same value, computed with the one-shot hash: it keeps no hash object per
 * response. Express hands it the body as a Buffer once it sets Content-Length.
 */
export function weakETag(body: string | Buffer, encoding?: BufferEncoding): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, encoding) : body;
  if (bytes.length === 0) return EMPTY_TAG;
  const digest = hash('sha1', bytes, 'base64').substring(0, 27);
  return `W/"${bytes.length.toString(16)}-${digest}"`;
}
