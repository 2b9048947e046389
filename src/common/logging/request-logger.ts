import type { IncomingMessage, ServerResponse } from 'node:http';

import type { NextFunction } from 'express';
import { storage, type Store } from 'nestjs-pino/storage';
import type { Level, Logger } from 'pino';

type Handler = (request: IncomingMessage, response: ServerResponse, next: NextFunction) => void;

/** What the request line is made of; see logger.options.ts for the values. */
export interface RequestLineOptions {
  /** Sets `X-Request-Id` and returns the id every line of the request carries. */
  requestId(request: IncomingMessage, response: ServerResponse): string;
  level(request: IncomingMessage, response: ServerResponse, error: Error | undefined): Level;
}

/**
 * The request-line middleware and its logger, the application's logger too. `bindContext`
 * makes the request's logger the one of log calls made while handling it (nestjs-pino reads it
 * from its AsyncLocalStorage store).
 */
export interface RequestLogger extends Handler {
  readonly logger: Logger;
  readonly bindContext: Handler;
}

const CONTEXT = Symbol('requestLogContext');

type Tagged = IncomingMessage & { [CONTEXT]?: RequestLogContext };

/**
 * The request's child logger, bound to `{ req }` (serialized and redacted once, at creation),
 * built the first time something logs: most requests log nothing below the configured level.
 */
class RequestLogContext implements Store {
  responseLogger = undefined;
  private child: Logger | undefined;
  private assigned: Logger | undefined;

  constructor(
    private readonly base: Logger,
    private readonly request: IncomingMessage,
  ) {}

  get requestLogger(): Logger {
    return (this.child ??= this.base.child({ req: this.request }));
  }

  /** nestjs-pino's `PinoLogger.assign` replaces it with a child carrying more fields. */
  get logger(): Logger {
    return this.assigned ?? this.requestLogger;
  }

  set logger(value: Logger) {
    this.assigned = value;
  }
}

/**
 * One line per request once it is answered (or aborted, or its response fails), in the shape
 * pino-http gives it: `{ req, res, responseTime }` and "request completed", or with `err` and
 * "request errored" for failures and 5xx answers.
 */
export function createRequestLogger(base: Logger, options: RequestLineOptions): RequestLogger {
  const middleware = (request: Tagged, response: ServerResponse, next: NextFunction): void => {
    request.id = options.requestId(request, response);
    const context = new RequestLogContext(base, request);
    request[CONTEXT] = context;
    const started = Date.now();
    const done = (error?: Error): void => {
      response.removeListener('close', done);
      response.removeListener('finish', done);
      response.removeListener('error', done);
      const level = options.level(request, response, error);
      if (!base.isLevelEnabled(level)) return;
      logLine(context.requestLogger, level, request, response, error, Date.now() - started);
    };
    response.on('close', done);
    response.on('finish', done);
    response.on('error', done);
    next();
  };
  const bindContext = (request: Tagged, _response: ServerResponse, next: NextFunction): void => {
    const context = request[CONTEXT];
    if (context === undefined) next();
    else storage.run(context, next);
  };
  return Object.assign(middleware, { logger: base, bindContext });
}

function logLine(
  logger: Logger,
  level: Level,
  request: IncomingMessage,
  response: ServerResponse & { err?: unknown },
  error: Error | undefined,
  responseTime: number,
): void {
  const failure =
    error ??
    (response.err instanceof Error ? response.err : undefined) ??
    (response.statusCode >= 500
      ? new Error(`failed with status code ${response.statusCode}`)
      : undefined);
  if (failure !== undefined) {
    logger[level]({ res: response, err: failure, responseTime }, 'request errored');
    return;
  }
  const message =
    !request.readableAborted && response.writableEnded ? 'request completed' : 'request aborted';
  logger[level]({ res: response, responseTime }, message);
}
