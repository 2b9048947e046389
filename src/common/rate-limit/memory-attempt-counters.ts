import type {
  AttemptCounters,
  CounterKey,
  CounterState,
} from 'src/common/rate-limit/attempt-counters';

interface Entry {
  count: number;
  expiresAt: number;
}

/** Past this many live entries, expired ones are swept before a new one is added. */
const SWEEP_THRESHOLD = 10000;

/** Counters of one process, used without REDIS_URL and while Redis is unreachable. */
export class MemoryAttemptCounters implements AttemptCounters {
  private readonly entries = new Map<string, Entry>();

  increment(keys: readonly CounterKey[]): Promise<CounterState[]> {
    const now = Date.now();
    const states = keys.map(({ key, windowMs }) => {
      let entry = this.live(key, now);
      if (entry === undefined) {
        entry = { count: 0, expiresAt: now + windowMs };
        this.add(key, entry, now);
      }
      entry.count += 1;
      return { count: entry.count, remainingMs: entry.expiresAt - now };
    });
    return Promise.resolve(states);
  }

  decrement(keys: readonly string[]): Promise<void> {
    const now = Date.now();
    for (const key of keys) {
      const entry = this.live(key, now);
      if (entry === undefined) continue;
      entry.count -= 1;
      // Nothing left to remember: refused attempts must not leave entries behind.
      if (entry.count <= 0) this.entries.delete(key);
    }
    return Promise.resolve();
  }

  mark(key: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.add(key, { count: 1, expiresAt: now + ttlMs }, now);
    return Promise.resolve();
  }

  isMarked(key: string): Promise<boolean> {
    return Promise.resolve(this.live(key, Date.now()) !== undefined);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private add(key: string, entry: Entry, now: number): void {
    if (this.entries.size >= SWEEP_THRESHOLD) {
      for (const [name, old] of this.entries) if (old.expiresAt <= now) this.entries.delete(name);
    }
    this.entries.set(key, entry);
  }
}
