import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  ApiOAuth2Errors,
  ENVELOPE_ERROR_SCHEMA,
  OAUTH2_ERROR_SCHEMA,
} from 'src/common/openapi/api-error-responses.decorator';
import { ErrorEnvelope, OAuth2ErrorResponse } from 'src/common/openapi/error-schemas';
import { ApiLimitResponse } from 'src/common/rate-limit/api-limit-response.decorator';
import { OAuth2TokenResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';

type FieldDocs = Record<string, string>;

/**
 * One schema for both form media types: the fields are read the same way from an
 * `application/x-www-form-urlencoded` or a `multipart/form-data` body.
 */
export function formBody(
  fields: FieldDocs,
  required: string[],
  example: FieldDocs,
): MethodDecorator {
  return ApiBody({
    schema: {
      type: 'object',
      required,
      properties: Object.fromEntries(
        Object.entries(fields).map(([name, description]) => [
          name,
          { type: 'string', description },
        ]),
      ),
      example,
    },
  });
}

/** Token and revocation answers are never cached (RFC 6749 §5.1), errors included. */
export const NO_STORE_RESPONSE_HEADERS = {
  'Cache-Control': { description: '`no-store`', schema: { type: 'string', enum: ['no-store'] } },
  Pragma: { description: '`no-cache`', schema: { type: 'string', enum: ['no-cache'] } },
};

export const FORM_ONLY =
  'Form fields only (`application/x-www-form-urlencoded` or `multipart/form-data`), as ' +
  'FitTrackee reads them: a JSON body, or fields in the query string, count as an empty form.';

export const CLIENT_AUTHENTICATION =
  'A confidential client authenticates with `client_id` and `client_secret` in the form ' +
  '(client_secret_post, RFC 6749 §2.3.1); a public client sends `client_id` alone (`none`, ' +
  'RFC 6749 §2.1). HTTP Basic is refused. Over plain HTTP (loopback ' +
  'and AUTHLIB_INSECURE_TRANSPORT aside) every request answers 400 `insecure_transport`.';

export const CLIENT_CREDENTIALS: FieldDocs = {
  client_id: 'The client id (RFC 6749 §2.3.1, §2.1).',
  client_secret: 'The client secret of a confidential client; a public client sends none.',
};

export const EXAMPLE_CLIENT = {
  client_id: 'hVL8Hw0sY1zB4sW9kQdJ2xTf',
  client_secret: 'pQ7vX2mN9kR4tY8wB3cF6hJ1lZ5sD0gA2eU7iO4yT9rE6wQ3',
};

export const INVALID_CLIENT =
  '`invalid_client`: unknown `client_id`, wrong or missing `client_secret` of a confidential ' +
  'client, a `client_secret` sent by a public client, or an ' +
  '`Authorization: Basic` header (client_secret_basic is not supported).';
export const INVALID_REQUEST_EDGE =
  '`invalid_request` for a value the edge refuses (a NUL character, a value too long)';
export const INSECURE_TRANSPORT =
  '`insecure_transport` (`OAuth 2 MUST utilize https.`) over plain HTTP';

/**
 * The body parsers and the multipart reader run before the endpoint reads the form, so what
 * they refuse gets the FitTrackee envelope, not the RFC 6749 body.
 */
const UNREADABLE_BODY =
  'The FitTrackee envelope `{"status": "error", "message": "invalid payload"}` for a body ' +
  'that cannot be read (malformed JSON or multipart, a file part).';

/** The 400 of the token and revocation endpoints: RFC 6749 §5.2, or the envelope (above). */
export const oauth2BadRequest = (description: string, example: object): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ErrorEnvelope, OAuth2ErrorResponse),
    ApiResponse({
      status: 400,
      description: `${description} ${UNREADABLE_BODY}`,
      schema: { oneOf: [OAUTH2_ERROR_SCHEMA, ENVELOPE_ERROR_SCHEMA] },
      example,
    }),
  );

/** RFC 6749 §4.1.3 and §6 requests of `POST /api/oauth/token`, and its answers. */
export const ApiTokenForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Exchange an authorization code or a refresh token for tokens',
      description:
        'The RFC 6749 token endpoint (FitTrackee `POST /api/oauth/token`): `grant_type` ' +
        '`authorization_code` (RFC 6749 §4.1.3, with the PKCE `code_verifier` when the ' +
        'authorization request had a challenge), `refresh_token` (§6, which revokes the ' +
        'refresh token used and issues a new pair) or ' +
        '`urn:ietf:params:oauth:grant-type:device_code` (RFC 8628 §3.4: the device polls with ' +
        'its `device_code` until the user approved or denied it on the verification page). ' +
        `${FORM_ONLY} ${CLIENT_AUTHENTICATION} Repeated failed client authentications or ` +
        'grants are rate-limited (429).',
    }),
    formBody(
      {
        grant_type:
          '`authorization_code`, `refresh_token` or `urn:ietf:params:oauth:grant-type:device_code`.',
        ...CLIENT_CREDENTIALS,
        code: 'The authorization code (authorization_code).',
        redirect_uri: 'The redirect URI sent to the authorization endpoint, if any.',
        code_verifier: 'The PKCE verifier (RFC 7636 §4.5).',
        refresh_token: 'The refresh token (refresh_token).',
        device_code: 'The device code (RFC 8628 §3.4).',
      },
      ['grant_type', 'client_id'],
      {
        grant_type: 'authorization_code',
        ...EXAMPLE_CLIENT,
        code: 'yqUFSjF6tJwGmdJ3XzTvQ4bHiaKsDPnWkReoLB0xc9Nmf2Ag',
        redirect_uri: 'https://ridesync.example.com/callback',
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      },
    ),
    ApiResponse({
      status: 200,
      description: 'RFC 6749 §5.1 token response.',
      type: OAuth2TokenResponseDto,
      headers: NO_STORE_RESPONSE_HEADERS,
      example: {
        access_token: 'Zk4sTq1yW8uE3rP6oI9aS2dF5gH7jK0lMnBvCxZ1qW3eR5tY',
        expires_in: 864000,
        refresh_token: 'Lp0oKi9uJy8hTg7rFd6eSw5aQz4xCv3bNm2lKj1hGf0dSa9q',
        scope: 'profile:read workouts:read',
        token_type: 'Bearer',
      },
    }),
    oauth2BadRequest(
      'RFC 6749 §5.2 error body. `unsupported_grant_type` (checked first: `grant_type` ' +
        `missing or not supported); ${INVALID_CLIENT} \`invalid_request\`: \`Missing "code" ` +
        'in request.`, `Missing "code_verifier"`, `Invalid "code_verifier"`, `Missing ' +
        '"refresh_token" in request.`, or ' +
        `${INVALID_REQUEST_EDGE}; \`invalid_grant\`: \`Invalid "code" in request.\` (unknown, ` +
        'expired, used or another client’s code), `Invalid "redirect_uri" in request.`, ' +
        '`Code challenge failed.`, `Public clients must use PKCE with code_challenge_method ' +
        'S256.`, or an unknown, expired or revoked refresh token; ' +
        '`invalid_scope` (`The requested scope is invalid, unknown, or malformed.`) when the ' +
        `client may no longer have any of the scopes; ${INSECURE_TRANSPORT}. Device code ` +
        'grant (RFC 8628 §3.5): `authorization_pending` (the user has not decided yet), ' +
        '`slow_down` (polled sooner than `interval` seconds after the previous request: the ' +
        'interval grows by 5 seconds for every later request), `access_denied` (the user ' +
        'denied), `expired_token` (the codes expired), `invalid_request` `Missing "device_code" ' +
        'in request.`, `invalid_grant` `Invalid "device_code" in request.` (unknown, already ' +
        'exchanged, or another client’s).',
      { error: 'invalid_grant', error_description: 'Invalid "code" in request.' },
    ),
    ApiLimitResponse('oauth2'),
  );

/** RFC 7009 §2.1 request of `POST /api/oauth/revoke`, and its answers. */
export const ApiRevokeForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Revoke an access or refresh token',
      description:
        'RFC 7009 token revocation (FitTrackee `POST /api/oauth/revoke`). Revoking either ' +
        'token of a pair revokes both; a token that is unknown, already revoked or another ' +
        `client’s is answered \`{}\` all the same (RFC 7009 §2.2). ${FORM_ONLY} ` +
        CLIENT_AUTHENTICATION,
    }),
    formBody(
      {
        token: 'The access or refresh token to revoke.',
        token_type_hint: '`access_token` or `refresh_token` (RFC 7009 §2.1).',
        ...CLIENT_CREDENTIALS,
      },
      ['token', 'client_id'],
      {
        token: 'Lp0oKi9uJy8hTg7rFd6eSw5aQz4xCv3bNm2lKj1hGf0dSa9q',
        token_type_hint: 'refresh_token',
        ...EXAMPLE_CLIENT,
      },
    ),
    ApiResponse({
      status: 200,
      description: '`{}` (RFC 7009 §2.2), whether the token was found or not.',
      schema: { type: 'object', additionalProperties: false },
      headers: NO_STORE_RESPONSE_HEADERS,
      example: {},
    }),
    oauth2BadRequest(
      `RFC 6749 §5.2 error body. ${INVALID_CLIENT} \`invalid_request\` when \`token\` is ` +
        `missing or empty, or ${INVALID_REQUEST_EDGE}; ${INSECURE_TRANSPORT}.`,
      { error: 'invalid_client' },
    ),
    ApiOAuth2Errors({
      401: '`unsupported_token_type` (RFC 7009 §2.2.1): `token_type_hint` is neither `access_token` nor `refresh_token`.',
    }),
    ApiLimitResponse('oauth2'),
  );
