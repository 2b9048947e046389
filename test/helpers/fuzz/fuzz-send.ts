import request, { type Response } from 'supertest';
import type { FuzzBody } from 'test/helpers/fuzz/fuzz-bodies';
import type { FuzzOperation } from 'test/helpers/fuzz/fuzz-operations';
import type { FuzzRequest } from 'test/helpers/fuzz/fuzz-requests';
import type { FuzzWorld } from 'test/helpers/fuzz/fuzz-world';
import type { TestApp } from 'test/setup/test-app';

/** A request that takes longer than this is a hang, reported like a 5xx. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The request with the placeholders of seeded rows replaced by the rows' current values. */
export function resolveRequest(world: FuzzWorld, fuzz: FuzzRequest): FuzzRequest {
  const resolve = (text: string): string => world.resolve(text);
  const { body } = fuzz;
  const resolved: FuzzBody =
    body.kind === 'none'
      ? body
      : body.kind === 'multipart'
        ? {
            kind: 'multipart',
            fields: body.fields.map(([name, value]): [string, string] => [name, resolve(value)]),
            files: body.files,
          }
        : { ...body, text: resolve(body.text) };
  return { caller: fuzz.caller, url: resolve(fuzz.url), body: resolved };
}

export function sendFuzzRequest(
  t: TestApp,
  world: FuzzWorld,
  operation: FuzzOperation,
  fuzz: FuzzRequest,
): Promise<Response> {
  let test = request(t.http)
    [operation.method](fuzz.url)
    .set(world.headers[fuzz.caller])
    .timeout(REQUEST_TIMEOUT_MS);
  const { body } = fuzz;
  switch (body.kind) {
    case 'none':
      break;
    case 'json':
      test = test.set('Content-Type', 'application/json').send(body.text);
      break;
    case 'raw':
      test = test.set('Content-Type', body.contentType).send(body.text);
      break;
    case 'form':
      test = test.set('Content-Type', 'application/x-www-form-urlencoded').send(body.text);
      break;
    case 'multipart':
      for (const [name, value] of body.fields) test = test.field(name, value);
      for (const file of body.files)
        test = test.attach(file.field, file.content, { filename: file.name });
      if (body.fields.length === 0 && body.files.length === 0)
        test = test.set('Content-Type', 'multipart/form-data; boundary=x').send('--x--\r\n');
      break;
  }
  return test;
}

/** What a failing case prints: enough to replay it with curl. */
export function describeExchange(
  operation: FuzzOperation,
  fuzz: FuzzRequest,
  res: Response,
): string {
  const body = fuzz.body.kind === 'none' ? '' : ` body=${JSON.stringify(fuzz.body).slice(0, 600)}`;
  return `${operation.method.toUpperCase()} ${fuzz.url.slice(0, 300)} as ${fuzz.caller}${body} → ${res.status} ${res.text.slice(0, 300)}`;
}
