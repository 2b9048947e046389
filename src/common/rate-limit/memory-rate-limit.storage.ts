import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a ThrottlerStorage answers (the interface's record type is not re-exported). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  expiresAt: number;
}

/**
 * Fixed-window counters in memory (docs/compatibility.md#rate-limits), used when REDIS_URL is not
 * set.
 */
export class MemoryRateLimitStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (window === undefined || window.expiresAt <= now) {
      if (this.windows.size > 10000) this.sweep(now);
      window = { hits: 0, expiresAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return Promise.resolve(toRecord(window.hits, window.expiresAt - now, limit));
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.expiresAt <= now) this.windows.delete(key);
  }
}

/** `limit` is compared by the caller; the record says blocked once the window is over it. */
export function toRecord(hits: number, remainingMs: number, limit: number): ThrottlerStorageRecord {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return {
    totalHits: hits,
    timeToExpire: seconds,
    isBlocked: hits > limit,
    timeToBlockExpire: seconds,
  };
}
