import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix no other test shares (queue names and rate-limit counters live under it). */
export function randomRedisPrefix(): string {
  return `pacekeeper-test-${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under the prefix. */
export async function cleanupRedis(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
