/** One fixed-window counter: its key and, for the hit that creates it, the window length. */
export interface CounterKey {
  key: string;
  windowMs: number;
}

export interface CounterState {
  count: number;
  /** Time left before the window ends and the counter disappears. */
  remainingMs: number;
}

/**
 * Counters of credential checks (failed passwords, client secrets, reset requests): in memory
 * for one instance, or in Redis so that every instance sharing REDIS_KEY_PREFIX sees them.
 */
export interface AttemptCounters {
  /** Adds one to each counter, starting its window on the first hit; states in key order. */
  increment(keys: readonly CounterKey[]): Promise<CounterState[]>;
  /** Takes back one hit from each existing counter (the window keeps its end; at 0 it goes). */
  decrement(keys: readonly string[]): Promise<void>;
  /** Remembers a key for `ttlMs` (an address where an account signed in). */
  mark(key: string, ttlMs: number): Promise<void>;
  isMarked(key: string): Promise<boolean>;
}

export const ATTEMPT_COUNTERS = Symbol('ATTEMPT_COUNTERS');
