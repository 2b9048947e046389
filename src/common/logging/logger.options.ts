import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { type HttpLogger, type Options, pinoHttp } from 'pino-http';
import { type LogFormat, rootLogger } from 'src/common/logging/root-logger';

/**
 * One JSON line per request with its id. Headers are not logged at all (Authorization and
 * cookies carry secrets), and URLs lose their query string (codes, states and tokens travel there).
 */
const REQUEST_LINE: Options = {
  genReqId: (request: IncomingMessage, response: ServerResponse): string => {
    const incoming = request.headers['x-request-id'];
    const id =
      typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', id);
    return id;
  },
  // The serializers read the raw objects: pino-http's wrappers would first copy every header
  // and ask the socket for its peer address, on every request, for fields never logged.
  wrapSerializers: false,
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
  // A 503 is an outage of the database, logged once as such by the error filter: not a bug.
  customLogLevel: (_request, response, error) =>
    response.statusCode === 503
      ? 'warn'
      : error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
};

/**
 * The request-line middleware; its `logger` (a child of the process's root logger, see
 * root-logger.ts) is also the application's logger.
 */
export function createHttpLogger(level: string, file?: string, format?: LogFormat): HttpLogger {
  return pinoHttp({ ...REQUEST_LINE, logger: rootLogger({ level, file, format }) });
}

/**
 * setupApp mounts `httpLogger` ahead of the body parsers, so requests they reject (broken JSON,
 * 413) get their line too; nestjs-pino then only binds each request's logger for the
 * application's own log calls (`useExisting`) instead of logging the request a second time.
 */
export function buildLoggerParams(httpLogger: HttpLogger): Params {
  return {
    // Nest 11 wildcard syntax; the default '*' makes Nest warn about converting '/api/*'.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: { logger: httpLogger.logger },
    useExisting: true,
  };
}
