import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const COMMITTED = join(__dirname, '..', '..', 'openapi.json');

/**
 * The document API consumers download is the one in the repository, to the byte: the
 * conformance gate checks every e2e response against the committed file, so this is what makes
 * it a check of the served document too.
 */
describe('GET /api/docs-json', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ UI_URL: 'https://tracker.example.org' });
  });
  afterAll(() => t.close());

  it('serves the committed openapi.json byte for byte, as JSON', async () => {
    const res = await request(t.http)
      .get('/api/docs-json')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          done(null, text);
        });
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('serves the same document as YAML', async () => {
    const res = await request(t.http).get('/api/docs-yaml');
    expect(res.status).toBe(200);
    expect(res.text).toContain('title: Pacekeeper API');
  });
});
