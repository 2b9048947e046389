import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { RateLimitError } from 'src/common/errors/http-errors';
import type { RateLimit } from 'src/common/rate-limit/rate-limits';

export const RATE_LIMITS = Symbol('RATE_LIMITS');

/**
 * `@UseGuards(RateLimitGuard)`: FitTrackee's 429 `rate limit exceeded (<limit>)`
 * (docs/compatibility.md#rate-limits) with X-RateLimit-* and Retry-After headers, per client IP,
 * route and HTTP method.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(RATE_LIMITS) private readonly limits: readonly RateLimit[],
  ) {
    super(options, storage, reflector);
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    return super.generateKey(context, `${method}-${tracker}`, name);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The throttler suffixes headers of non-default limits and skips them on a 429; FitTrackee
    // sends the plain headers of the exceeded limit.
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', detail.timeToBlockExpire);
    this.setResponseHeader(res, 'X-RateLimit-Limit', detail.limit);
    this.setResponseHeader(res, 'X-RateLimit-Remaining', 0);
    this.setResponseHeader(res, 'X-RateLimit-Reset', detail.timeToExpire);
    const match = this.limits.find((l) => l.limit === detail.limit && l.ttlMs === detail.ttl);
    throw new RateLimitError(match?.text ?? String(detail.limit));
  }
}
