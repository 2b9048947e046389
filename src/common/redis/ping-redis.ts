import { Redis } from 'ioredis';

export type RedisPing = { isUp: true; ms: number } | { isUp: false; error: unknown };

/**
 * One connection, one PING, within `timeoutMs`, and the connection closed again: nothing is
 * retried or queued, so a Redis that is down is reported at once instead of waited for.
 */
export async function pingRedis(url: string, timeoutMs: number): Promise<RedisPing> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    disconnectTimeout: 100,
  });
  // connect() then only says "Connection is closed."; the socket error says why.
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    const started = Date.now();
    await redis.connect();
    await redis.ping();
    return { isUp: true, ms: Date.now() - started };
  } catch (error) {
    return { isUp: false, error: lastError ?? error };
  } finally {
    redis.disconnect();
  }
}
