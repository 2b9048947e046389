/** Longest wait between two attempts, whatever the attempt count. */
const MAX_DELAY_MS = 3600_000;

export interface RetrySettings {
  retryBaseMs: number;
  retryWindowMs: number;
}

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'give-up' };

/**
 * After failed attempt number `attempts` (from 1): exponential backoff with "equal jitter"
 * (half the delay fixed, half random) so that many failing deliveries do not retry in step;
 * the last try happens when the window ends, then the delivery is failed
 * (docs/webhooks.md#retries).
 */
export function afterFailure(
  attempts: number,
  createdAt: Date,
  settings: RetrySettings,
  now = Date.now(),
  random = Math.random(),
): RetryDecision {
  const windowEnd = createdAt.getTime() + settings.retryWindowMs;
  if (now >= windowEnd) return { kind: 'give-up' };
  const exponential = Math.min(
    MAX_DELAY_MS,
    settings.retryBaseMs * 2 ** Math.min(attempts - 1, 30),
  );
  const delay = exponential / 2 + (exponential / 2) * random;
  return { kind: 'retry', at: new Date(Math.min(now + delay, windowEnd)) };
}
