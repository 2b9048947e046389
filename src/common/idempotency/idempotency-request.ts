import { createHash } from 'node:crypto';

import type { Request } from 'express';
import { InvalidPayloadError } from 'src/common/errors/http-errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Visible ASCII, at most 255 characters: a UUID fits many times over. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * A create request sent with an `Idempotency-Key` header (IETF draft
 * draft-ietf-httpapi-idempotency-key-header): the key, the endpoint it applies to, and a
 * fingerprint of what was sent, so that a retry is recognised and a different request under
 * the same key is refused.
 */
export class IdempotencyRequest {
  constructor(
    readonly key: string,
    readonly endpoint: string,
    readonly fingerprint: string,
  ) {}

  /** undefined without the header; a 400 for a malformed one. */
  static fromHttp(request: Request): IdempotencyRequest | undefined {
    const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    if (key === undefined) return undefined;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key))
      throw new InvalidPayloadError(`invalid ${IDEMPOTENCY_HEADER} header`);
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const endpoint = `${request.method} ${typeof route === 'string' ? route : request.path}`;
    return new IdempotencyRequest(key, endpoint, sha256(canonicalJson(request.body)));
  }

  /** The same request with a file's name and bytes in its fingerprint (multipart uploads). */
  withFile(name: string, chunks: readonly Buffer[]): IdempotencyRequest {
    const hash = createHash('sha256').update(this.fingerprint).update('\0').update(name);
    hash.update('\0');
    for (const chunk of chunks) hash.update(chunk);
    return new IdempotencyRequest(this.key, this.endpoint, hash.digest('hex'));
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so that key order does not make two requests differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
