import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { pingRedis } from 'src/common/redis/ping-redis';
import type { AppConfig } from 'src/config/configuration';

const TIMEOUT_MS = 3000;

/** The error code only (`ECONNREFUSED`): the public endpoint never names internal hosts. */
function codeOf(error: unknown): string {
  const { code } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
  };
  return typeof code === 'string' ? code : `no answer within ${TIMEOUT_MS}ms`;
}

/**
 * Redis backs the shared rate limits and the job queue when `REDIS_URL` is set: without it,
 * emails and exports cannot run, so the instance is not ready.
 */
@Injectable()
export class RedisHealthIndicator {
  private readonly url: string | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.url = config.get('redis.url', { infer: true });
  }

  get isConfigured(): boolean {
    return this.url !== undefined;
  }

  async check(): Promise<HealthIndicatorResult<'redis'>> {
    const session = this.indicators.check('redis');
    if (this.url === undefined) return session.up();
    const ping = await pingRedis(this.url, TIMEOUT_MS);
    return ping.isUp ? session.up() : session.down({ message: codeOf(ping.error) });
  }
}
