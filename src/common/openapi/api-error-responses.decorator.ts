import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { STORAGE_FULL_MESSAGE } from 'src/common/errors/storage-full';
import { ErrorEnvelope, OAuth2ErrorResponse } from 'src/common/openapi/error-schemas';

/** The error statuses an operation can declare, each with what makes it happen. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503 | 507;

/** The 507 of a route that writes files: the disk is full, nothing was kept. */
export const STORAGE_FULL_DESCRIPTION =
  'The upload folder’s file system is full (RFC 4918 §11.5): `{"status": "error", "message": ' +
  `"${STORAGE_FULL_MESSAGE}"}\`. Nothing is kept; the same request succeeds once space is freed.`;

export type ErrorDescriptions = Partial<Record<ErrorStatus, string>>;

export const ENVELOPE_ERROR_SCHEMA = { $ref: getSchemaPath(ErrorEnvelope) };
export const OAUTH2_ERROR_SCHEMA = { $ref: getSchemaPath(OAuth2ErrorResponse) };
/** A bearer-protected route answers a first-party token with the envelope, an OAuth2 one with RFC 6750. */
export const BEARER_ERROR_SCHEMA = { oneOf: [ENVELOPE_ERROR_SCHEMA, OAUTH2_ERROR_SCHEMA] };

function errorResponses(schema: object, descriptions: ErrorDescriptions): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelope, OAuth2ErrorResponse),
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, schema }),
    ),
  );
}

/** Error answers in FitTrackee's envelope: `@ApiErrors({ 404: 'No workout with this id.' })`. */
export function ApiErrors(descriptions: ErrorDescriptions): MethodDecorator {
  return errorResponses(ENVELOPE_ERROR_SCHEMA, descriptions);
}

/** Error answers with the RFC 6749 §5.2 body, on the OAuth2 endpoints. */
export function ApiOAuth2Errors(descriptions: ErrorDescriptions): MethodDecorator {
  return errorResponses(OAUTH2_ERROR_SCHEMA, descriptions);
}
