import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { HealthCheckResponseDto } from 'src/health/dto/health-check-response.dto';
import { RedisHealthIndicator } from 'src/health/redis-health.indicator';

const UP = { database: { status: 'up' } };
const DOWN = { database: { status: 'down', message: 'timeout of 3000ms exceeded' } };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @RawResponse()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness',
    description:
      'Checks that the database answers within 3 seconds, and Redis too when `REDIS_URL` is ' +
      'set (it carries the shared rate limits and the job queue); public. For load balancers and ' +
      "orchestrators (the @nestjs/terminus format); not part of FitTrackee's API.",
  })
  @ApiResponse({
    status: 200,
    description: 'Ready: every component is up.',
    type: HealthCheckResponseDto,
    example: { status: 'ok', info: UP, error: {}, details: UP },
  })
  @ApiResponse({
    status: 503,
    description:
      'Not ready: the database (or the configured Redis, `redis` with its error code) does not ' +
      'answer. Retry after `Retry-After` seconds.',
    type: HealthCheckResponseDto,
    example: { status: 'error', info: {}, error: DOWN, details: DOWN },
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before retrying',
        schema: { type: 'integer' },
      },
    },
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...(this.redis.isConfigured ? [() => this.redis.check()] : []),
    ]);
  }

  /**
   * Liveness: the process answers HTTP. It checks no dependency, so that an orchestrator
   * restarts a hung process, not one waiting for its database (readiness is `GET /api/health`).
   */
  @Get('live')
  @Public()
  @RawResponse()
  @ApiOperation({
    summary: 'Liveness',
    description:
      'Answers 200 as long as the process serves HTTP, whatever its dependencies; public. ' +
      "For orchestrators' liveness probes; not part of FitTrackee's API.",
  })
  @ApiResponse({
    status: 200,
    description: 'The process is alive.',
    type: HealthCheckResponseDto,
    example: { status: 'ok', info: {}, error: {}, details: {} },
  })
  live(): HealthCheckResult {
    return { status: 'ok', info: {}, error: {}, details: {} };
  }
}
