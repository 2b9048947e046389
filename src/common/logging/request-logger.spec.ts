import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { storage } from 'nestjs-pino/storage';
import pino from 'pino';
import { createHttpLogger } from 'src/common/logging/logger.options';
import { createRequestLogger } from 'src/common/logging/request-logger';

type Line = Record<string, unknown>;

function fakeExchange(headers: Record<string, string> = {}): {
  request: IncomingMessage;
  response: ServerResponse & EventEmitter;
  sent: Record<string, unknown>;
} {
  const sent: Record<string, unknown> = {};
  const response = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableEnded: true,
    setHeader: (name: string, value: unknown) => (sent[name.toLowerCase()] = value),
  }) as unknown as ServerResponse & EventEmitter;
  const request = {
    headers,
    method: 'POST',
    url: '/api/auth/login?token=secret',
    originalUrl: '/api/auth/login?token=secret',
    readableAborted: false,
  } as unknown as IncomingMessage;
  return { request, response, sent };
}

function capture(level = 'info'): { logger: pino.Logger; lines: Line[] } {
  const lines: Line[] = [];
  const logger = pino(
    { level },
    { write: (line: string) => lines.push(JSON.parse(line) as Line) },
  ).child(
    {},
    {
      serializers: {
        req: (request: { id: unknown; method: string }) => ({
          id: request.id,
          method: request.method,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  );
  return { logger, lines };
}

const options = {
  requestId: (_request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('X-Request-Id', 'abc');
    return 'abc';
  },
  level: (_request: IncomingMessage, response: ServerResponse) =>
    response.statusCode >= 500 ? ('error' as const) : ('info' as const),
};

describe('createRequestLogger', () => {
  it('logs one line per request, once, with the request, the status and the time taken', () => {
    const { logger, lines } = capture();
    const middleware = createRequestLogger(logger, options);
    const { request, response, sent } = fakeExchange();
    const next = jest.fn();
    middleware(request, response, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(sent['x-request-id']).toBe('abc');
    expect(request.id).toBe('abc');
    response.emit('finish');
    response.emit('close');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'abc', method: 'POST' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]?.['responseTime']).toBe('number');
  });

  it('logs a 5xx answer as errored, with an error', () => {
    const { logger, lines } = capture();
    const { request, response } = fakeExchange();
    createRequestLogger(logger, options)(request, response, jest.fn());
    response.statusCode = 500;
    response.emit('finish');
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'request errored',
      err: { message: 'failed with status code 500' },
    });
  });

  it('logs a failed response with its error', () => {
    const { logger, lines } = capture();
    const { request, response } = fakeExchange();
    createRequestLogger(logger, options)(request, response, jest.fn());
    response.emit('error', new Error('socket gone'));
    expect(lines[0]).toMatchObject({ msg: 'request errored', err: { message: 'socket gone' } });
  });

  it('builds no request logger when nothing is logged at the level', () => {
    const { logger, lines } = capture('warn');
    const child = jest.spyOn(logger, 'child');
    const { request, response } = fakeExchange();
    createRequestLogger(logger, options)(request, response, jest.fn());
    response.emit('finish');
    expect(lines).toHaveLength(0);
    expect(child).not.toHaveBeenCalled();
  });

  it("binds the request's logger for the application's log calls while it is handled", () => {
    const { logger, lines } = capture();
    const middleware = createRequestLogger(logger, options);
    const { request, response } = fakeExchange();
    middleware(request, response, jest.fn());
    let inside: unknown;
    middleware.bindContext(request, response, () => {
      inside = storage.getStore()?.logger;
      storage.getStore()?.logger.info('from a service');
    });
    expect(inside).toBeDefined();
    expect(storage.getStore()).toBeUndefined();
    expect(lines[0]).toMatchObject({ msg: 'from a service', req: { id: 'abc', method: 'POST' } });
  });
});

describe('createHttpLogger', () => {
  it('keeps a valid incoming X-Request-Id, replaces a doubtful one', () => {
    const httpLogger = createHttpLogger('silent');
    const kept = fakeExchange({ 'x-request-id': 'proxy-1.2_3' });
    httpLogger(kept.request, kept.response, jest.fn());
    expect(kept.sent['x-request-id']).toBe('proxy-1.2_3');
    const replaced = fakeExchange({ 'x-request-id': 'bad id\n' });
    httpLogger(replaced.request, replaced.response, jest.fn());
    expect(replaced.sent['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
