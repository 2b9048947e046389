import type { NextFunction, Request, Response } from 'express';
import type { ObservedResponse } from 'test/conformance/response-validator';

/** Bodies past this size are binary downloads: their length is kept, their bytes are not. */
const KEPT_BYTES = 1024 * 1024;

type Chunk = unknown;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return Buffer.alloc(0);
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Express middleware that hands every finished response, as sent on the wire, to `onResponse`.
 * Mounted first, it sees what every handler, filter and interceptor produced.
 */
export function recordResponses(
  onResponse: (observed: ObservedResponse) => void,
): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Chunk, encoding: unknown): void => {
      const buffer = toBuffer(chunk, encoding);
      size += buffer.length;
      if (size <= KEPT_BYTES) chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((chunk: Chunk, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    response.end = ((chunk?: Chunk, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    response.on('finish', () => {
      const header = response.getHeader('content-type');
      onResponse({
        method: request.method,
        path: request.originalUrl.split('?')[0] ?? request.originalUrl,
        status: response.statusCode,
        contentType: typeof header === 'string' ? header : undefined,
        body: size <= KEPT_BYTES ? Buffer.concat(chunks) : Buffer.from(' '),
      });
    });
    next();
  };
}
