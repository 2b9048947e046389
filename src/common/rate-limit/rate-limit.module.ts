import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ATTEMPT_COUNTERS, type AttemptCounters } from 'src/common/rate-limit/attempt-counters';
import {
  CREDENTIAL_LIMITS,
  CredentialAttemptsService,
  type CredentialLimits,
} from 'src/common/rate-limit/credential-attempts.service';
import { MemoryAttemptCounters } from 'src/common/rate-limit/memory-attempt-counters';
import { MemoryRateLimitStorage } from 'src/common/rate-limit/memory-rate-limit.storage';
import { RATE_LIMITS, RateLimitGuard } from 'src/common/rate-limit/rate-limit.guard';
import { parseRateLimits, type RateLimit } from 'src/common/rate-limit/rate-limits';
import { RedisAttemptCounters } from 'src/common/rate-limit/redis-attempt-counters';
import { RedisRateLimitStorage } from 'src/common/rate-limit/redis-rate-limit.storage';
import type { AppConfig } from 'src/config/configuration';

const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/** Limits and counters: Redis when REDIS_URL is set, memory otherwise. */
@Module({
  providers: [
    {
      provide: RATE_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): RateLimit[] =>
        parseRateLimits(config.get('rateLimits', { infer: true })),
    },
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): ThrottlerStorage => {
        const url = config.get('redis.url', { infer: true });
        return url === undefined
          ? new MemoryRateLimitStorage()
          : new RedisRateLimitStorage(url, config.get('redis.keyPrefix', { infer: true }));
      },
    },
    {
      provide: CREDENTIAL_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): CredentialLimits => {
        const limits = config.get('credentialLimits', { infer: true });
        return {
          perAccount: parseRateLimits(limits.perAccount),
          perIp: parseRateLimits(limits.perIp),
        };
      },
    },
    {
      provide: ATTEMPT_COUNTERS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>): AttemptCounters => {
        const url = config.get('redis.url', { infer: true });
        return url === undefined
          ? new MemoryAttemptCounters()
          : new RedisAttemptCounters(url, config.get('redis.keyPrefix', { infer: true }));
      },
    },
  ],
  exports: [RATE_LIMITS, RATE_LIMIT_STORAGE, CREDENTIAL_LIMITS, ATTEMPT_COUNTERS],
})
class RateLimitSettingsModule {}

/**
 * Rate limiting of the routes marked `@UseGuards(RateLimitGuard)` (FitTrackee's Flask-Limiter
 * limits), and the limits on credential checks (CredentialAttemptsService). The first API
 * limit is named `default` so its headers carry no suffix.
 */
@Global()
@Module({
  imports: [
    RateLimitSettingsModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitSettingsModule],
      inject: [RATE_LIMITS, RATE_LIMIT_STORAGE],
      useFactory: (limits: RateLimit[], storage: ThrottlerStorage) => ({
        storage,
        throttlers: limits.map((limit, index) => ({
          name: index === 0 ? 'default' : `limit${String(index)}`,
          limit: limit.limit,
          ttl: limit.ttlMs,
        })),
      }),
    }),
  ],
  providers: [RateLimitGuard, CredentialAttemptsService],
  exports: [RateLimitGuard, CredentialAttemptsService, RateLimitSettingsModule],
})
export class RateLimitModule {}
