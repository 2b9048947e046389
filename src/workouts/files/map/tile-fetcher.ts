import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { httpGet, type HttpResponse } from 'src/workouts/files/http/http-get';

export interface TileFetcherOptions {
  /** Folder of cached PNG tiles; null disables the cache. */
  cacheDir: string | null;
  userAgent: string;
  /** OpenStreetMap's tile policy asks clients to keep tiles at least 7 days. */
  cacheTtlMs?: number;
}

const DEFAULT_TTL_MS = 7 * 24 * 3600 * 1000;
const MAX_TILE_BYTES = 2 * 1024 * 1024;

const isPng = (response: HttpResponse): boolean =>
  response.status === 200 && (response.contentType ?? '').toLowerCase().startsWith('image/png');

/** Tile downloads with a disk cache of successful PNG answers, keyed by the tile URL. */
export class TileFetcher {
  constructor(private readonly options: TileFetcherOptions) {}

  /** Cached PNG or upstream answer; throws on network failure or timeout. */
  async fetch(url: string, timeoutMs: number): Promise<HttpResponse> {
    const cached = await this.readCache(url);
    if (cached !== null) return { status: 200, contentType: 'image/png', body: cached };
    const response = await httpGet(url, {
      timeoutMs,
      headers: { 'User-Agent': this.options.userAgent },
      maxBytes: MAX_TILE_BYTES,
    });
    if (isPng(response)) await this.writeCache(url, response.body);
    return response;
  }

  private cachePath(url: string): string | null {
    const dir = this.options.cacheDir;
    return dir === null ? null : join(dir, `${createHash('sha256').update(url).digest('hex')}.png`);
  }

  private async readCache(url: string): Promise<Buffer | null> {
    const path = this.cachePath(url);
    if (path === null) return null;
    try {
      const info = await stat(path);
      if (Date.now() - info.mtimeMs > (this.options.cacheTtlMs ?? DEFAULT_TTL_MS)) return null;
      return await readFile(path);
    } catch {
      return null;
    }
  }

  /** Best effort: a cache that cannot be written only costs a download next time. */
  private async writeCache(url: string, body: Buffer): Promise<void> {
    const path = this.cachePath(url);
    if (path === null || this.options.cacheDir === null) return;
    try {
      await mkdir(this.options.cacheDir, { recursive: true });
      const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temp, body);
      await rename(temp, path);
    } catch {
      // ignored on purpose
    }
  }
}
