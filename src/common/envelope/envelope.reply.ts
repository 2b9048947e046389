import type { HttpServer } from '@nestjs/common';
import { StreamableFile } from '@nestjs/common';
import { PaginatedResult, TopLevelResult } from 'src/common/envelope/envelope.types';

/** How a handler's result is sent: under `status` "success" or "created", or no body (204). */
export type EnvelopeKind = 'success' | 'created' | 'empty';

const ENVELOPE = Symbol('envelope');

type Marked = { [ENVELOPE]?: EnvelopeKind };

/** Set by EnvelopeGuard once the handler is known; responses never marked are sent as they are. */
export function markEnvelope(response: object, kind: EnvelopeKind): void {
  (response as Marked)[ENVELOPE] = kind;
}

/**
 * Wraps handler results in FitTrackee's envelope (docs/compatibility.md#envelope) where Nest
 * hands them to the HTTP adapter. Errors never pass here: the exception filter writes them.
 */
export function useEnvelope(adapter: Pick<HttpServer, 'reply'>): void {
  const reply = adapter.reply.bind(adapter);
  adapter.reply = (response: unknown, body: unknown, statusCode?: number): unknown => {
    const kind = (response as Marked)[ENVELOPE];
    return reply(response, kind === undefined ? body : wrap(kind, body), statusCode);
  };
}

function wrap(kind: EnvelopeKind, result: unknown): unknown {
  if (kind === 'empty') return undefined;
  if (result instanceof StreamableFile) return result;
  if (result instanceof PaginatedResult) {
    const { data, pagination } = result as PaginatedResult<unknown>;
    return { status: kind, data, pagination };
  }
  if (result instanceof TopLevelResult) return { status: kind, ...result.fields };
  if (result === undefined) return { status: kind };
  return { status: kind, data: result };
}
