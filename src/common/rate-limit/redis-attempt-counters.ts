import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type {
  AttemptCounters,
  CounterKey,
  CounterState,
} from 'src/common/rate-limit/attempt-counters';
import { MemoryAttemptCounters } from 'src/common/rate-limit/memory-attempt-counters';
import { RedisOutageLog } from 'src/common/redis/redis-outage-log';

// One round trip for all counters of an attempt: KEYS are the counters, ARGV their windows.
const INCREMENT = `
local out = {}
for i, key in ipairs(KEYS) do
  local hits = redis.call('INCR', key)
  if hits == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  out[2 * i - 1] = hits
  out[2 * i] = redis.call('PTTL', key)
end
return out`;

const DECREMENT = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 and redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
end
return 0`;

/**
 * Counters shared by every instance through Redis. Unlike the API_RATE_LIMITS counters, these
 * do not switch off when Redis is unreachable: this instance counts in memory meanwhile, so a
 * Redis outage never lifts the limits on password and client-secret checks.
 */
export class RedisAttemptCounters implements AttemptCounters, OnApplicationShutdown {
  private readonly outage = new RedisOutageLog(
    new Logger('CredentialLimits'),
    'credential limits counted in memory',
    'credential limits shared again',
  );
  private readonly redis: Redis;
  private readonly fallback = new MemoryAttemptCounters();

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      disconnectTimeout: 100,
    });
    this.redis.on('error', (error: Error) => {
      this.outage.lost(error);
    });
    this.redis.on('ready', () => {
      this.outage.restored();
    });
    this.redis.connect().catch(() => undefined);
  }

  async increment(keys: readonly CounterKey[]): Promise<CounterState[]> {
    try {
      const flat = (await this.redis.eval(
        INCREMENT,
        keys.length,
        ...keys.map((k) => this.name(k.key)),
        ...keys.map((k) => String(k.windowMs)),
      )) as number[];
      return keys.map((k, i) => {
        const remaining = flat[2 * i + 1] ?? -1;
        return { count: flat[2 * i] ?? 0, remainingMs: remaining < 0 ? k.windowMs : remaining };
      });
    } catch {
      return this.fallback.increment(keys);
    }
  }

  async decrement(keys: readonly string[]): Promise<void> {
    try {
      await this.redis.eval(DECREMENT, keys.length, ...keys.map((key) => this.name(key)));
    } catch {
      await this.fallback.decrement(keys);
    }
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(this.name(key), '1', 'PX', ttlMs);
    } catch {
      await this.fallback.mark(key, ttlMs);
    }
  }

  async isMarked(key: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.name(key))) === 1;
    } catch {
      return this.fallback.isMarked(key);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  private name(key: string): string {
    return `${this.prefix}:credential-limit:${key}`;
  }
}
