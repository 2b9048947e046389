import { randomBytes } from 'node:crypto';
import { mkdir, rmdir, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who owns a temp folder, read from its name `<host>~<pid>~<random>`. */
export interface TempFolderOwner {
  host: string;
  pid: number;
}

/** Host names as file-name material: anything unusual becomes `_` (a `~` would split it). */
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'host';

/** Names of the leases this process holds: several storages may share one process (tests). */
const HELD = new Set<string>();

export function parseTempFolderName(name: string): TempFolderOwner | null {
  const match = /^([A-Za-z0-9._-]+)~(\d{1,10})~[0-9a-f]{12}$/.exec(name);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { host: match[1], pid: Number(match[2]) };
}

/**
 * Whether the instance that owns a temp folder is provably gone, so that the files it was
 * still writing can be deleted:
 * - a lease this process holds is alive;
 * - on the same host, a folder naming this process's pid but not held by it was left by an
 *   earlier process with the same pid (a container restarts with the same pid), and a pid
 *   that no longer exists is gone;
 * - otherwise (another host, or a live pid that may have been reused) the folder is gone once
 *   its owner stopped touching it for `ttlMs`.
 */
export function isTempOwnerGone(
  name: string,
  mtimeMs: number,
  now: number,
  ttlMs: number,
): boolean {
  if (HELD.has(name)) return false;
  const owner = parseTempFolderName(name);
  if (owner?.host === HOST) {
    if (owner.pid === process.pid || !isProcessAlive(owner.pid)) return true;
  }
  return now - mtimeMs > ttlMs;
}

function isProcessAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * This instance's own temp folder under `<upload folder>/.tmp/`, so that instances sharing an
 * upload folder never take each other's files in flight for leftovers. The folder's mtime is
 * the lease: touched every `heartbeatMs` while the instance runs.
 */
export class TempFolderLease {
  readonly name = `${HOST}~${process.pid}~${randomBytes(6).toString('hex')}`;
  readonly path: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(tempRoot: string) {
    this.path = join(tempRoot, this.name);
    HELD.add(this.name);
  }

  async start(heartbeatMs: number): Promise<void> {
    await mkdir(this.path, { recursive: true });
    this.timer ??= setInterval(() => void this.touch(), heartbeatMs);
    this.timer.unref();
  }

  /** A folder removed by someone who took this instance for dead is created again. */
  async touch(): Promise<void> {
    const now = new Date();
    try {
      await utimes(this.path, now, now);
    } catch {
      await mkdir(this.path, { recursive: true }).catch(() => undefined);
    }
  }

  /** Files still in the folder are the next sweep's (their owner is then gone). */
  async release(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    HELD.delete(this.name);
    await rmdir(this.path).catch(() => undefined);
  }
}
