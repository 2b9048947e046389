import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { builtServer } from 'test/helpers/built-server';
import { ChildServer } from 'test/helpers/child-server';
import { cloneTemplate, isEmbeddedRun } from 'test/setup/test-app';
import { databaseUrl, dropDatabase, withAdminClient } from 'test/setup/test-database';

const COMMITTED = join(__dirname, '..', '..', 'openapi.json');

/**
 * The document API consumers download is the one in the repository, to the byte. The server is
 * built as `npm start` builds it: the @nestjs/swagger plugin infers undeclared response types
 * there, so an operation that declares too little would differ from what tests generate. The
 * conformance gate checks every e2e response against the committed file, so this also makes it
 * a check of the served document.
 */
(isEmbeddedRun() ? describe.skip : describe)('GET /api/docs-json of the built server', () => {
  let server: ChildServer;
  let name: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'pk-docs-'));

  beforeAll(async () => {
    name = await cloneTemplate();
    server = await ChildServer.start(
      { DATABASE_URL: databaseUrl(name), DATA_DIR: dataDir },
      builtServer(),
    );
  }, 240_000);
  afterAll(async () => {
    await server.stop();
    await withAdminClient((client) => dropDatabase(client, name));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the committed openapi.json byte for byte, as JSON', async () => {
    const res = await fetch(`${server.base}/api/docs-json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('serves the same document as YAML', async () => {
    const res = await fetch(`${server.base}/api/docs-yaml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('title: Pacekeeper API');
  });
});
