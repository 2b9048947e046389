import { afterFailure } from 'src/webhooks/dispatch/retry-policy';

describe('afterFailure', () => {
  const settings = { retryBaseMs: 1000, retryWindowMs: 60_000 };
  const created = new Date(0);

  it('doubles the delay per attempt, half of it random (equal jitter)', () => {
    expect(afterFailure(1, created, settings, 0, 0)).toEqual({ kind: 'retry', at: new Date(500) });
    expect(afterFailure(1, created, settings, 0, 1)).toEqual({ kind: 'retry', at: new Date(1000) });
    expect(afterFailure(3, created, settings, 0, 0)).toEqual({ kind: 'retry', at: new Date(2000) });
    expect(afterFailure(3, created, settings, 0, 1)).toEqual({ kind: 'retry', at: new Date(4000) });
  });

  it('tries last when the window ends, then gives up', () => {
    expect(afterFailure(10, created, settings, 59_000, 1)).toEqual({
      kind: 'retry',
      at: new Date(60_000),
    });
    expect(afterFailure(11, created, settings, 60_000, 0)).toEqual({ kind: 'give-up' });
  });
});
