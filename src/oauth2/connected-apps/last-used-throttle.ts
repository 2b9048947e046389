/** A grant's `last_used_at` is written at most once per this many milliseconds. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Past this many remembered keys, entries older than the resolution are dropped. */
const MAX_ENTRIES = 10_000;

/**
 * The in-process half of the once-a-minute `last_used_at` rule (docs/oauth2.md#connected-apps):
 * a request with an access token this process marked used less than a minute ago leaves the
 * write out of its lookup altogether. The SQL condition of the write is the other half, across
 * processes and tokens of the same grant.
 */
export class LastUsedThrottle {
  private readonly writtenAt = new Map<string, number>();

  constructor(private readonly resolutionMs = LAST_USED_RESOLUTION_MS) {}

  /** True when a write is due for this key; records `now` as its write time if so. */
  isDue(key: string, now: number): boolean {
    const last = this.writtenAt.get(key);
    if (last !== undefined && now - last < this.resolutionMs) return false;
    if (this.writtenAt.size >= MAX_ENTRIES) this.prune(now);
    this.writtenAt.set(key, now);
    return true;
  }

  /** A key forgotten starts from scratch. */
  forget(key: string): void {
    this.writtenAt.delete(key);
  }

  private prune(now: number): void {
    for (const [key, at] of this.writtenAt)
      if (now - at >= this.resolutionMs) this.writtenAt.delete(key);
    if (this.writtenAt.size >= MAX_ENTRIES) this.writtenAt.clear();
  }
}
