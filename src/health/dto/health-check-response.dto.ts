import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One component: `status` and, when down, a `message` (an error code, never an address). */
const INDICATOR_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    message: { type: 'string' },
  },
  additionalProperties: true,
};

const indicator = (description: string): Record<string, unknown> => ({
  ...INDICATOR_SCHEMA,
  description,
});

/** Each checked component by name; `redis` only with REDIS_URL. */
const INDICATORS_SCHEMA = {
  type: 'object' as const,
  properties: {
    database: indicator('The database answers within 3 seconds.'),
    redis: indicator('Redis answers within 3 seconds (checked when REDIS_URL is set).'),
    queue: indicator('The job queue accepts jobs (the Redis queue, or this process).'),
    storage: indicator('Files can be stored (the upload folder exists and is writable).'),
  },
  additionalProperties: false,
};

/** The @nestjs/terminus health check body, sent with 200 (all up) or 503 (something down). */
export class HealthCheckResponseDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: 'ok' | 'error' | 'shutting_down';

  @ApiPropertyOptional({ ...INDICATORS_SCHEMA, description: 'The components that are up.' })
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ ...INDICATORS_SCHEMA, description: 'The components that are down.' })
  error?: Record<string, unknown>;

  @ApiProperty({ ...INDICATORS_SCHEMA, description: 'Every component checked.' })
  details!: Record<string, unknown>;
}
