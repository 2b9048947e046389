import { parseRateLimits } from 'src/common/rate-limit/rate-limits';

describe('parseRateLimits (API_RATE_LIMITS, docs/compatibility.md#rate-limits)', () => {
  it('parses the default limit and prints it as Flask-Limiter does', () => {
    expect(parseRateLimits('300 per 5 minutes')).toEqual([
      { limit: 300, ttlMs: 300000, text: '300 per 5 minute' },
    ]);
  });

  it('parses several limits, with an implicit multiple of 1', () => {
    expect(parseRateLimits('300 per 5 minutes, 1000 per day,10 per Second')).toEqual([
      { limit: 300, ttlMs: 300000, text: '300 per 5 minute' },
      { limit: 1000, ttlMs: 86400000, text: '1000 per 1 day' },
      { limit: 10, ttlMs: 1000, text: '10 per 1 second' },
    ]);
  });

  it('refuses an unknown unit', () => {
    expect(() => parseRateLimits('3 per fortnight')).toThrow('invalid rate limit: 3 per fortnight');
  });
});
