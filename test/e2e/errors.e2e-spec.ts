import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { Controller, Get, Module } from '@nestjs/common';
import { Public } from 'src/auth/decorators';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import {
  expectEnvelopeError,
  expectForbidden,
  expectInvalidPayload,
  expectInvalidToken,
  expectOAuthError,
  expectUnauthorized,
} from 'test/helpers/expect-envelope';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { createTestApp, type TestApp } from 'test/setup/test-app';

@Controller('test-errors')
class ThrowingController {
  @Get('crash')
  @Public()
  crash(): never {
    throw new Error('database password is hunter2 at /srv/secret/path');
  }

  @Get('reject')
  @Public()
  reject(): Promise<never> {
    return Promise.reject(new TypeError('cannot read properties of undefined'));
  }
}

@Module({ controllers: [ThrowingController] })
class ThrowingModule {}

const NOT_FOUND = { status: 'not found', message: 'the requested URL was not found on the server' };
const DEFAULT_500 = {
  status: 'error',
  message: 'error, please try again or contact the administrator',
};

/**
 * Every generic error of docs/compatibility.md#errors the foundation can produce, with its exact
 * body.
 */
describe('generic errors (docs/compatibility.md#errors)', () => {
  let t: TestApp;
  let logFile: string;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    logFile = join(tmpdir(), `pacekeeper-log-${process.pid}`, 'app.log');
    t = await createTestApp({ APP_LOG: logFile, LOG_LEVEL: 'info' }, [ThrowingModule]);
    adminToken = firstPartyToken(t.app, await createUser(t.dataSource, { admin: true }));
    userToken = firstPartyToken(t.app, await createUser(t.dataSource));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dirname(logFile), { recursive: true, force: true });
  });

  const logLines = (): Record<string, unknown>[] =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  describe('400 invalid payload', () => {
    it('for broken JSON', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .set('Content-Type', 'application/json')
        .send('{"max_users": ');
      expectInvalidPayload(res);
    });

    it('for a value of the wrong type', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ gpx_limit_import: 'ten' });
      expectInvalidPayload(res);
    });

    it('for an array body', async () => {
      const res = await request(t.http).patch('/api/config').set(bearer(adminToken)).send([1]);
      expectInvalidPayload(res);
    });

    it('for a body that is not JSON', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .set('Content-Type', 'text/plain')
        .send('max_users=3');
      expectInvalidPayload(res);
    });
  });

  describe('401', () => {
    it('provide a valid auth token without an Authorization header', async () => {
      expectUnauthorized(await request(t.http).patch('/api/config').send({ max_users: 1 }));
    });

    it('invalid_token with WWW-Authenticate and no-store for an unknown token', async () => {
      const res = await request(t.http).patch('/api/config').set(bearer('not-a-token'));
      expectInvalidToken(res);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['pragma']).toBe('no-cache');
    });

    it('invalid_token for a header without a space', async () => {
      const res = await request(t.http).patch('/api/config').set('Authorization', adminToken);
      expectInvalidToken(res);
    });

    it('unsupported_token_type for another scheme', async () => {
      const res = await request(t.http).patch('/api/config').set('Authorization', 'Basic xxx');
      expectOAuthError(res, 401, 'unsupported_token_type');
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  it('403 you do not have permissions for a non-admin on an admin route', async () => {
    const res = await request(t.http)
      .patch('/api/config')
      .set(bearer(userToken))
      .send({ max_users: 1 });
    expectForbidden(res);
  });

  describe('404 for unknown routes, whatever the method', () => {
    it.each(['get', 'post', 'put', 'patch', 'delete'] as const)(
      '%s /api/nonexistent',
      async (m) => {
        const res = await request(t.http)[m]('/api/nonexistent/deep?x=1');
        expect({ code: res.status, body: res.body as unknown }).toEqual({
          code: 404,
          body: NOT_FOUND,
        });
      },
    );

    it('for a known path with an unsupported method', async () => {
      const res = await request(t.http).delete('/api/config').set(bearer(adminToken));
      expect({ code: res.status, body: res.body as unknown }).toEqual({
        code: 404,
        body: NOT_FOUND,
      });
    });
  });

  describe('413 for a body over the JSON limit', () => {
    it('names the body size and the limit', async () => {
      const body = JSON.stringify({ about: 'x'.repeat(1200 * 1024) });
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .set('Content-Type', 'application/json')
        .send(body);
      expectEnvelopeError(
        res,
        413,
        'fail',
        'Error during request, body size (1.2MB) exceeds 1.0MB.',
      );
    });

    it('applies to form bodies too', async () => {
      const res = await request(t.http)
        .post('/api/nonexistent')
        .type('form')
        .send(`a=${'x'.repeat(1100 * 1024)}`);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 'fail' });
    });
  });

  describe('500', () => {
    it.each(['crash', 'reject'])(
      'answers the default body for /%s, never a stack, and logs the request id',
      async (path) => {
        const res = await request(t.http).get(`/api/test-errors/${path}`);
        expect({ code: res.status, body: res.body as unknown }).toEqual({
          code: 500,
          body: DEFAULT_500,
        });
        expect(res.text).not.toMatch(/hunter2|cannot read|\.ts:\d+|at /);
        const requestId = res.headers['x-request-id'];
        expect(requestId).toMatch(/^[\w-]{8,}$/);
        const lines = logLines().filter((line) => line['requestId'] === requestId);
        expect(lines).toEqual([
          expect.objectContaining({ msg: `unhandled error on request ${String(requestId)}` }),
        ]);
      },
    );

    it('keeps a request id sent by a proxy', async () => {
      const res = await request(t.http)
        .get('/api/test-errors/crash')
        .set('X-Request-Id', 'abc-123');
      expect(res.headers['x-request-id']).toBe('abc-123');
      expect(logLines().some((line) => line['requestId'] === 'abc-123')).toBe(true);
    });
  });

  describe('request lines for bodies the parsers reject', () => {
    const linesFor = (requestId: unknown): Record<string, unknown>[] =>
      logLines().filter(
        (line) => (line['req'] as { id?: unknown } | undefined)?.id === String(requestId),
      );

    it('logs broken JSON once, at warn, without the body', async () => {
      const res = await request(t.http)
        .patch('/api/config?code=query-secret')
        .set(bearer(adminToken))
        .set('Content-Type', 'application/json')
        .send('{"about": "broken-body-marker"');
      expectInvalidPayload(res);
      const requestId = res.headers['x-request-id'];
      expect(requestId).toMatch(/^[\w-]{8,}$/);
      expect(linesFor(requestId)).toEqual([
        expect.objectContaining({
          level: 40,
          req: { id: requestId, method: 'PATCH', path: '/api/config' },
          res: { statusCode: 400 },
        }),
      ]);
      const text = readFileSync(logFile, 'utf8');
      expect(text).not.toContain('broken-body-marker');
      expect(text).not.toContain('query-secret');
    });

    it('logs a 413 once, at warn, without the body, keeping a proxy request id', async () => {
      const res = await request(t.http)
        .post('/api/auth/login')
        .set('X-Request-Id', 'too-large-1')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: `large-body-marker${'x'.repeat(1100 * 1024)}` }));
      expect(res.status).toBe(413);
      expect(res.headers['x-request-id']).toBe('too-large-1');
      expect(linesFor('too-large-1')).toEqual([
        expect.objectContaining({
          level: 40,
          req: { id: 'too-large-1', method: 'POST', path: '/api/auth/login' },
          res: { statusCode: 413 },
        }),
      ]);
      expect(readFileSync(logFile, 'utf8')).not.toContain('large-body-marker');
    });

    it('still logs a parsed request exactly once', async () => {
      const res = await request(t.http)
        .patch('/api/config')
        .set(bearer(adminToken))
        .send({ about: 'parsed-body-marker' })
        .expect(200);
      expect(linesFor(res.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          level: 30,
          req: expect.objectContaining({ method: 'PATCH', path: '/api/config' }),
          res: { statusCode: 200 },
        }),
      ]);
      expect(readFileSync(logFile, 'utf8')).not.toContain('parsed-body-marker');
    });
  });

  it('GET /api/health reports the database', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('writes one JSON line per request, and never a secret', async () => {
    const secretToken = adminToken;
    await request(t.http)
      .post('/api/auth/login?token=query-secret')
      .send({ email: 'a@example.com', password: DEFAULT_PASSWORD });
    await request(t.http).get('/api/config').set(bearer(secretToken)).set('Cookie', 'session=s3');
    await request(t.http)
      .patch('/api/config')
      .set(bearer(secretToken))
      .send({ about: 'hello', password: 'p4ssw0rd-in-body', token: 'tok-in-body' });
    const text = readFileSync(logFile, 'utf8');
    for (const secret of [
      secretToken,
      'query-secret',
      DEFAULT_PASSWORD,
      'p4ssw0rd-in-body',
      'tok-in-body',
      'session=s3',
    ])
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    const requests = logLines().filter((line) => line['req'] !== undefined);
    expect(requests.length).toBeGreaterThan(10);
    for (const line of requests)
      expect(line).toMatchObject({ req: { id: expect.any(String), method: expect.any(String) } });
  });
});
