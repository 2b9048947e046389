import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { BEARER_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';

/** The `{username}` path parameter of the users endpoints. */
export function ApiUsernameParam(): MethodDecorator {
  return ApiParam({
    name: 'username',
    type: 'string',
    description: 'The exact (case-sensitive) username.',
    example: 'sam',
  });
}

/**
 * The 403 of a route that refuses more than a missing scope: the description is appended to the
 * one `@Scopes` declares. Place it above `@Scopes`, so that its example is the one kept.
 */
export function ApiForbiddenCases(description: string, message: string): MethodDecorator {
  return ApiResponse({
    status: 403,
    description,
    schema: BEARER_ERROR_SCHEMA,
    example: { status: 'error', message },
  });
}
