import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LocalFolderHealth } from 'src/health/storage-health';

describe('LocalFolderHealth', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacekeeper-storage-health-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a writable folder usable', async () => {
    await expect(new LocalFolderHealth(dir).problem()).resolves.toBeUndefined();
  });

  it('names the problem by its error code, never by its path', async () => {
    writeFileSync(join(dir, 'file'), '');
    await expect(new LocalFolderHealth(join(dir, 'file')).problem()).resolves.toBe('ENOTDIR');
    await expect(new LocalFolderHealth(join(dir, 'missing')).problem()).resolves.toBe('ENOENT');
  });
});
