import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  ENVELOPE_ERROR_SCHEMA,
  OAUTH2_ERROR_SCHEMA,
} from 'src/common/openapi/api-error-responses.decorator';

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before the next attempt (RFC 9110 §10.2.3).',
    schema: { type: 'integer' },
  },
};

/**
 * The 429 of a limited route: FitTrackee's `{"status": "error", "message": "rate limit exceeded
 * (<limit>)"}`, or the RFC 6749 body on the OAuth2 endpoints (`oauth2`).
 */
export function ApiLimitResponse(kind: 'envelope' | 'oauth2' = 'envelope'): MethodDecorator {
  return ApiTooManyRequestsResponse({
    description:
      kind === 'oauth2'
        ? 'Too many failed checks for this client or from this address: ' +
          '`{"error": "invalid_request", "error_description": "rate limit exceeded (<limit>)"}`.'
        : 'Too many failed checks for this account or from this address (or over ' +
          '`API_RATE_LIMITS`): `rate limit exceeded (<limit>)`.',
    headers: RETRY_AFTER,
    schema: kind === 'oauth2' ? OAUTH2_ERROR_SCHEMA : ENVELOPE_ERROR_SCHEMA,
  });
}
