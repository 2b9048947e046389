import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import {
  type ThrottlerStorageRecord,
  toRecord,
} from 'src/common/rate-limit/memory-rate-limit.storage';
import { RedisOutageLog } from 'src/common/redis/redis-outage-log';

// One round trip: count the hit, start the window on the first one, read what is left of it.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/**
 * Fixed-window counters shared by every instance through Redis (docs/compatibility.md#rate-limits).
 * When Redis is unreachable the request passes, as FitTrackee disables rate limiting then.
 */
export class RedisRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly outage = new RedisOutageLog(
    new Logger('RateLimit'),
    'rate limiting off',
    'rate limiting on',
  );
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly keyPrefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // ioredis keeps a timer for this long after disconnect() when the socket is already
      // gone (Redis unreachable), holding the process open on shutdown.
      disconnectTimeout: 100,
    });
    // ioredis reports every failed reconnection: log the outage once, not each retry.
    this.redis.on('error', (error: Error) => {
      this.outage.lost(error);
    });
    this.redis.on('ready', () => {
      this.outage.restored();
    });
    this.redis.connect().catch(() => undefined);
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, remaining] = (await this.redis.eval(
        INCREMENT,
        1,
        `${this.keyPrefix}:rate-limit:${key}`,
        String(ttl),
      )) as [number, number];
      return toRecord(hits, remaining < 0 ? ttl : remaining, limit);
    } catch {
      return toRecord(0, ttl, limit);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
