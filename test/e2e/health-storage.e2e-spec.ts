import { renameSync, rmSync, writeFileSync } from 'node:fs';

import request from 'supertest';
import { createTestApp, type TestApp } from 'test/setup/test-app';

/** GET /api/health checks that files can be stored: the upload folder exists and is writable. */
describe('GET /api/health and the file storage', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({});
  });
  afterAll(async () => {
    await t.close();
  });

  it('is not ready while the upload folder is unusable, and ready again once it is back', async () => {
    const folder = t.config.app.uploadFolder;
    const ready = await request(t.http).get('/api/health').expect(200);
    expect(ready.body.details).toMatchObject({
      storage: { status: 'up' },
      queue: { status: 'up' },
    });

    renameSync(folder, `${folder}.away`);
    writeFileSync(folder, 'not a folder');
    try {
      const res = await request(t.http).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).toMatchObject({
        status: 'error',
        info: { database: { status: 'up' }, queue: { status: 'up' } },
        error: { storage: { status: 'down', message: 'ENOTDIR' } },
      });
      // The public answer never names the folder.
      expect(JSON.stringify(res.body)).not.toContain(folder);
    } finally {
      rmSync(folder, { force: true });
      renameSync(`${folder}.away`, folder);
    }
    await request(t.http).get('/api/health').expect(200);
  });

  it('is not ready while the upload folder is missing', async () => {
    const folder = t.config.app.uploadFolder;
    renameSync(folder, `${folder}.away`);
    try {
      const res = await request(t.http).get('/api/health').expect(503);
      expect(res.body.error).toEqual({ storage: { status: 'down', message: 'ENOENT' } });
    } finally {
      rmSync(folder, { recursive: true, force: true });
      renameSync(`${folder}.away`, folder);
    }
  });
});
