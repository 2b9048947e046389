import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmbeddedLock } from 'src/database/embedded-lock';

describe('EmbeddedLock (one process per embedded database)', () => {
  const path = (): string => join(mkdtempSync(join(tmpdir(), 'pk-lock-')), 'pgdata.lock');

  it('writes the holder pid and removes the file on release', () => {
    const file = path();
    const lock = EmbeddedLock.acquire(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a second holder while the first is alive, naming it', () => {
    const file = path();
    const lock = EmbeddedLock.acquire(file);
    expect(() => EmbeddedLock.acquire(file)).toThrow(`is in use by process ${process.pid}`);
    lock.release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const file = path();
    writeFileSync(file, '2147483646');
    const lock = EmbeddedLock.acquire(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
