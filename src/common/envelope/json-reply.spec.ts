import express, { type Response } from 'express';
import { useJsonReply } from 'src/common/envelope/json-reply';
import { weakETag } from 'src/common/http/etag';
import request from 'supertest';

const BODY = { status: 'success', data: { name: 'Émile', distance: 10.5, tags: ['a', null] } };

/** Express's own reply next to the one under test, on the same app settings. */
function app(): express.Express {
  const fallback = jest.fn((response: unknown, body: unknown, statusCode?: number): unknown => {
    const res = response as Response;
    if (statusCode) res.status(statusCode);
    return res.json(body);
  });
  const adapter = { reply: fallback };
  useJsonReply(adapter);
  const server = express();
  server.set('etag', weakETag);
  server.get('/express', (_request, response) => {
    response.status(201).json(BODY);
  });
  server.get('/fast', (_request, response) => {
    adapter.reply(response, BODY, 201);
  });
  server.get('/typed', (_request, response) => {
    response.setHeader('Content-Type', 'application/problem+json');
    adapter.reply(response, BODY, 400);
  });
  return server;
}

const SAME_HEADERS = ['content-type', 'content-length', 'etag'];

describe('useJsonReply', () => {
  it("sends the bytes and headers of Express's res.json", async () => {
    const server = app();
    const [expected, actual] = await Promise.all([
      request(server).get('/express'),
      request(server).get('/fast'),
    ]);
    expect(actual.status).toBe(201);
    expect(actual.text).toBe(expected.text);
    for (const name of SAME_HEADERS) expect(actual.headers[name]).toBe(expected.headers[name]);
    expect(actual.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers HEAD without a body and a matching If-None-Match with a 304', async () => {
    const server = app();
    const first = await request(server).get('/fast');
    const head = await request(server).head('/fast');
    expect(head.text).toBeUndefined();
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    const again = await request(server)
      .get('/fast')
      .set('If-None-Match', String(first.headers['etag']));
    expect(again.status).toBe(304);
  });

  it('leaves a reply with its own Content-Type to the adapter', async () => {
    const res = await request(app()).get('/typed');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });
});
