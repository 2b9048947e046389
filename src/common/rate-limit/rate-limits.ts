/** Flask-Limiter granularities, in seconds (a month is 30 days, a year 12 months). */
const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  month: 2592000,
  year: 31104000,
};

export interface RateLimit {
  limit: number;
  ttlMs: number;
  /** Flask-Limiter's text of the limit, e.g. `300 per 5 minute`, used in the 429 message. */
  text: string;
}

/**
 * `API_RATE_LIMITS`, e.g. `300 per 5 minutes,1000 per day` (docs/compatibility.md#rate-limits). The
 * 429 message names the limit as Flask-Limiter prints it: singular unit, explicit multiple (`1000 per 1 day`).
 */
export function parseRateLimits(value: string): RateLimit[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(\d+)\s+per\s+(?:(\d+)\s+)?([a-z]+?)s?$/i.exec(part);
      const unit = match?.[3]?.toLowerCase() ?? '';
      const seconds = UNIT_SECONDS[unit];
      if (!match || seconds === undefined) throw new Error(`invalid rate limit: ${part}`);
      const limit = Number(match[1]);
      const multiple = Number(match[2] ?? '1');
      return { limit, ttlMs: multiple * seconds * 1000, text: `${limit} per ${multiple} ${unit}` };
    });
}
