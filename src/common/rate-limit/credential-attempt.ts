import { RateLimitError } from 'src/common/errors/http-errors';
import type { AttemptCounters, CounterKey } from 'src/common/rate-limit/attempt-counters';
import type { RateLimit } from 'src/common/rate-limit/rate-limits';

/** A counter and the limit it enforces. */
export interface LimitedCounter extends CounterKey {
  limit: RateLimit;
}

/** Adds one hit to each counter; over any limit, takes the hits back and throws the 429. */
export async function reserve(
  counters: AttemptCounters,
  keys: readonly LimitedCounter[],
): Promise<void> {
  if (keys.length === 0) return;
  const states = await counters.increment(keys);
  const exceeded = keys.findIndex((key, i) => (states[i]?.count ?? 0) > key.limit.limit);
  if (exceeded < 0) return;
  await counters.decrement(keys.map((key) => key.key));
  throw limitError(keys[exceeded]?.limit, states[exceeded]?.remainingMs);
}

export function limitError(limit: RateLimit | undefined, remainingMs = 0): RateLimitError {
  return new RateLimitError(limit?.text ?? 'limit', Math.max(1, Math.ceil(remainingMs / 1000)));
}

/**
 * One credential check in progress. `reserved` counters were hit before the check; a success
 * or an abandoned check (bad request, server error) takes those hits back, so only failed
 * checks remain counted. `onFailure` counters are hit only when the check fails.
 */
export class CredentialAttempt {
  private isSettled = false;

  constructor(
    private readonly counters: AttemptCounters,
    private readonly reserved: readonly LimitedCounter[],
    private readonly onFailure: readonly LimitedCounter[],
    private readonly onSuccess: () => Promise<void>,
  ) {}

  async succeeded(): Promise<void> {
    if (!this.settle()) return;
    await this.release();
    await this.onSuccess();
  }

  /** The check failed; throws the 429 when this failure goes over an account's limit. */
  async failed(): Promise<void> {
    if (!this.settle()) return;
    await reserve(this.counters, this.onFailure);
  }

  async abandoned(): Promise<void> {
    if (this.settle()) await this.release();
  }

  private settle(): boolean {
    const isFirst = !this.isSettled;
    this.isSettled = true;
    return isFirst;
  }

  private async release(): Promise<void> {
    if (this.reserved.length > 0) await this.counters.decrement(this.reserved.map((k) => k.key));
  }
}
