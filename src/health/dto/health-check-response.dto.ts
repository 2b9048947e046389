import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Each checked component by name (`database`), with `status` and, when down, a `message`. */
const INDICATORS_SCHEMA = {
  type: 'object' as const,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['up', 'down'] },
      message: { type: 'string' },
    },
    additionalProperties: true,
  },
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
