import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

/**
 * One JSON line per request with its id. Headers are not logged at all (Authorization and
 * cookies carry secrets), and URLs lose their query string (codes, states and tokens travel there).
 */
export function buildLoggerParams(level: string, file?: string): Params {
  return {
    // Nest 11 wildcard syntax; the default '*' makes Nest warn about converting '/api/*'.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level,
        genReqId: (request: IncomingMessage, response: ServerResponse): string => {
          const incoming = request.headers['x-request-id'];
          const id =
            typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming)
              ? incoming
              : randomUUID();
          response.setHeader('X-Request-Id', id);
          return id;
        },
        serializers: {
          req: (request: { id: unknown; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            path: request.url.split('?')[0],
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
        redact: {
          paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.client_secret'],
          remove: true,
        },
        customLogLevel: (_request, response, error) =>
          error !== undefined || response.statusCode >= 500
            ? 'error'
            : response.statusCode >= 400
              ? 'warn'
              : 'info',
      },
      // Synchronous writes: a crash never loses the lines that explain it.
      pino.destination({ dest: file ?? 1, sync: true, mkdir: file !== undefined }),
    ],
  };
}
