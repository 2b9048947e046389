import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The error body of every FitTrackee endpoint: `{"status": "error", "message": "invalid
 * payload"}`. `status` is `not found` on a 404 and `fail` on a 413 or a failed upload;
 * `data` carries the empty collection of FitTrackee's "data not found" answers
 * (`{"status": "not found", "data": {"workouts": []}}`); `message` is a list when several
 * fields are wrong (see docs/compatibility.md#errors).
 */
export class ErrorEnvelope {
  @ApiProperty({ enum: ['error', 'fail', 'not found'], example: 'error' })
  status!: 'error' | 'fail' | 'not found';

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'invalid payload',
  })
  message?: string | string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The empty collection of a "data not found" answer.',
  })
  data?: Record<string, unknown>;
}

/**
 * The RFC 6749 §5.2 error body of the OAuth2 endpoints, also sent with 401 and 403 to an OAuth2
 * access token the resource server refuses (RFC 6750 §3.1: `invalid_token`,
 * `insufficient_scope`).
 */
export class OAuth2ErrorResponse {
  @ApiProperty({ example: 'invalid_grant' })
  error!: string;

  @ApiPropertyOptional({ example: 'The provided authorization grant is invalid.' })
  error_description?: string;

  @ApiPropertyOptional({ description: 'The `state` of an authorization request, echoed.' })
  state?: string;
}
