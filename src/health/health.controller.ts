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
import { DependencyHealthIndicator } from 'src/health/dependency-health.indicator';
import { HealthCheckResponseDto } from 'src/health/dto/health-check-response.dto';
import { RedisHealthIndicator } from 'src/health/redis-health.indicator';

const UP = { database: { status: 'up' }, queue: { status: 'up' }, storage: { status: 'up' } };
const DOWN = {
  redis: { status: 'down', message: 'ECONNREFUSED' },
  queue: { status: 'down', message: 'ECONNREFUSED' },
};
const STILL_UP = { database: { status: 'up' }, storage: { status: 'up' } };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly dependencies: DependencyHealthIndicator,
  ) {}

  @Get()
  @Public()
  @RawResponse()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness',
    description:
      'Checks that the database answers within 3 seconds, Redis too when `REDIS_URL` is set ' +
      '(it carries the shared rate limits and the job queue), that the job queue accepts jobs ' +
      '(`queue`: the Redis queue, or this process without `REDIS_URL`) and that files can be ' +
      'stored (`storage`: the upload folder exists and is writable); public. For load ' +
      "balancers and orchestrators (the @nestjs/terminus format); not part of FitTrackee's API.",
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
      'Not ready: a component is down (`error` names it, with an error code such as ' +
      '`ECONNREFUSED` or `EACCES`, never an address or a path): the database, the configured ' +
      'Redis, the job queue or the file storage. Retry after `Retry-After` seconds.',
    type: HealthCheckResponseDto,
    example: {
      status: 'error',
      info: STILL_UP,
      error: DOWN,
      details: { ...STILL_UP, ...DOWN },
    },
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
      () => this.dependencies.queue(),
      () => this.dependencies.storage(),
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
