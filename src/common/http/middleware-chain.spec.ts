import type { NextFunction, Request, Response } from 'express';
import { chain, hasBody, type Middleware, whenBody } from 'src/common/http/middleware-chain';

const request = (headers: Record<string, string> = {}): Request => ({ headers }) as Request;
const response = {} as Response;

function run(middleware: Middleware, req: Request = request()): unknown[] {
  const calls: unknown[] = [];
  middleware(req, response, ((error?: unknown) => calls.push(error)) as NextFunction);
  return calls;
}

describe('chain', () => {
  it('runs every step in order, then continues once', () => {
    const order: number[] = [];
    const step =
      (n: number): Middleware =>
      (_request, _response, next) => {
        order.push(n);
        next();
      };
    expect(run(chain(step(1), step(2), step(3)))).toEqual([undefined]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('stops at a step that passes an error, and passes it on', () => {
    const error = new Error('broken');
    const later = jest.fn();
    const failing: Middleware = (_request, _response, next) => {
      next(error);
    };
    expect(run(chain(failing, later))).toEqual([error]);
    expect(later).not.toHaveBeenCalled();
  });

  it('passes on what a step throws', () => {
    const error = new Error('thrown');
    const throwing: Middleware = () => {
      throw error;
    };
    expect(run(chain(throwing))).toEqual([error]);
  });

  it('continues a step that answers later', async () => {
    const later: Middleware = (_request, _response, next) =>
      setImmediate(() => {
        next();
      });
    const calls = run(chain(later));
    expect(calls).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([undefined]);
  });
});

describe('hasBody', () => {
  it.each([
    [{}, false],
    [{ 'content-length': '0' }, true],
    [{ 'content-length': '12' }, true],
    [{ 'transfer-encoding': 'chunked' }, true],
  ])('%j: %s', (headers, expected) => {
    expect(hasBody(request(headers))).toBe(expected);
  });
});

describe('whenBody', () => {
  it('skips the parsers without a body, leaving no body', () => {
    const parser = jest.fn();
    const req = request();
    expect(run(whenBody(parser), req)).toEqual([undefined]);
    expect(parser).not.toHaveBeenCalled();
    expect('body' in req && req.body === undefined).toBe(true);
  });

  it('runs the parsers for a body', () => {
    const parser: Middleware = (req, _response, next) => {
      (req as { body?: unknown }).body = { parsed: true };
      next();
    };
    const req = request({ 'content-length': '2' });
    expect(run(whenBody(parser), req)).toEqual([undefined]);
    expect(req.body).toEqual({ parsed: true });
  });
});
