import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiOAuth2Errors } from 'src/common/openapi/api-error-responses.decorator';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { OAuth2IntrospectionResponseDto } from 'src/oauth2/dto/oauth2-introspection-response.dto';
import {
  CLIENT_AUTHENTICATION,
  CLIENT_CREDENTIALS,
  EXAMPLE_CLIENT,
  FORM_ONLY,
  formBody,
  INSECURE_TRANSPORT,
  INVALID_REQUEST_EDGE,
  NO_STORE_RESPONSE_HEADERS,
  oauth2BadRequest,
} from 'src/oauth2/oauth2-form-docs.decorator';

/** RFC 7662 §2.1 request of `POST /api/oauth/introspect`, and its answers. */
export const ApiIntrospectForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Introspect an access or refresh token',
      description:
        'RFC 7662 token introspection (not part of FitTrackee): whether a token is active, ' +
        'and for an active token issued to the calling client its scope, user, issue and ' +
        'expiry times. A token that is unknown, expired, revoked, another client’s, of an ' +
        'inactive user, or not an OAuth2 token at all (a first-party or personal access ' +
        `token) is answered \`{"active": false}\` alone. ${FORM_ONLY} ${CLIENT_AUTHENTICATION} ` +
        'A client must send its secret. Repeated failed client authentications are ' +
        'rate-limited (429).',
    }),
    formBody(
      {
        token: 'The access or refresh token to describe.',
        token_type_hint:
          '`access_token` or `refresh_token`: which kind to look up first (RFC 7662 §2.1); ' +
          'any other value is ignored.',
        ...CLIENT_CREDENTIALS,
      },
      ['token', 'client_id', 'client_secret'],
      {
        token: 'Zk4sTq1yW8uE3rP6oI9aS2dF5gH7jK0lMnBvCxZ1qW3eR5',
        token_type_hint: 'access_token',
        ...EXAMPLE_CLIENT,
      },
    ),
    ApiResponse({
      status: 200,
      description: 'RFC 7662 §2.2 introspection response.',
      type: OAuth2IntrospectionResponseDto,
      headers: NO_STORE_RESPONSE_HEADERS,
      example: {
        active: true,
        scope: 'profile:read workouts:read',
        client_id: EXAMPLE_CLIENT.client_id,
        username: 'alice',
        exp: 1797900000,
        iat: 1797036000,
        token_type: 'Bearer',
      },
    }),
    oauth2BadRequest(
      `RFC 6749 §5.2 error body. \`invalid_request\` when \`token\` is missing or empty, or ` +
        `${INVALID_REQUEST_EDGE}; ${INSECURE_TRANSPORT}.`,
      { error: 'invalid_request' },
    ),
    ApiOAuth2Errors({
      401:
        '`invalid_client` (RFC 7662 §2.3): unknown `client_id`, wrong or missing ' +
        '`client_secret`, or an `Authorization: Basic` header (client_secret_basic is not ' +
        'supported).',
    }),
    ApiLimitResponse('oauth2'),
  );
