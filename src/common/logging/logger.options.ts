import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Params } from 'nestjs-pino';
import pino, { type ChildLoggerOptions, type Level } from 'pino';
import { createRequestLogger, type RequestLogger } from 'src/common/logging/request-logger';
import { type LogFormat, rootLogger } from 'src/common/logging/root-logger';

/** The level of the request line: errors for failures, warnings for refusals, info otherwise. */
function requestLineLevel(
  _request: IncomingMessage,
  response: ServerResponse,
  error: Error | undefined,
): Level {
  // A 503 is an outage of the database, logged once as such by the error filter: not a bug.
  if (response.statusCode === 503) return 'warn';
  if (error !== undefined || response.statusCode >= 500) return 'error';
  return response.statusCode >= 400 ? 'warn' : 'info';
}

/** An id a client or proxy sent is kept when it is short and plain; otherwise a new one. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * One JSON line per request with its id. Headers are not logged at all (Authorization and
 * cookies carry secrets), and URLs lose their query string (codes, states and tokens travel there).
 */
const REQUEST_BINDINGS: ChildLoggerOptions = {
  serializers: {
    req: (request: { id: unknown; method: string; url: string; originalUrl?: string }) => ({
      id: request.id,
      method: request.method,
      path: (request.originalUrl ?? request.url).split('?')[0],
    }),
    res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    err: pino.stdSerializers.err,
  },
  redact: {
    paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.client_secret'],
    remove: true,
  },
};

/**
 * The request-line middleware; its `logger` (a child of the process's root logger, see
 * root-logger.ts) is also the application's logger.
 */
export function createHttpLogger(level: string, file?: string, format?: LogFormat): RequestLogger {
  const base = rootLogger({ level, file, format }).child({}, REQUEST_BINDINGS);
  return createRequestLogger(base, { requestId, level: requestLineLevel });
}

/**
 * setupApp mounts the request logger ahead of the body parsers, so requests they reject (broken
 * JSON, 413) get their line too, and binds each request's logger for the application's own log
 * calls itself (`bindContext`): nestjs-pino only provides its Logger, and mounts no middleware.
 */
export function buildLoggerParams(httpLogger: RequestLogger): Params {
  return {
    forRoutes: [],
    pinoHttp: { logger: httpLogger.logger },
    useExisting: true,
  };
}
