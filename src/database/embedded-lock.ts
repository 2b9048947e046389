import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * PGlite keeps the database in one process's memory and writes it back to DATA_DIR: a second
 * process opening the same folder (a second server, or the CLI while the server runs) would
 * work on a stale copy and overwrite the other's writes. One process holds this lock file.
 */
export class EmbeddedLock {
  private constructor(private readonly path: string) {}

  static acquire(path: string): EmbeddedLock {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new EmbeddedLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(path, 'utf8').trim());
        if (isAlive(holder)) {
          throw new Error(
            `The embedded database in ${path.replace(/\/[^/]+$/, '')} is in use by process ${holder}. ` +
              'Stop that process, or set DATABASE_URL to share a PostgreSQL server.',
          );
        }
        rmSync(path, { force: true }); // left by a process that died: take it over
      }
    }
    throw new Error(`could not lock the embedded database (${path})`);
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
