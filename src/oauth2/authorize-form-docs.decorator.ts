import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  ENVELOPE_ERROR_SCHEMA,
  OAUTH2_ERROR_SCHEMA,
} from 'src/common/openapi/api-error-responses.decorator';
import { OAuth2AuthorizeResponseDto } from 'src/oauth2/dto/oauth2-token-response.dto';
import {
  EXAMPLE_CLIENT,
  FORM_ONLY,
  formBody,
  INSECURE_TRANSPORT,
  INVALID_REQUEST_EDGE,
} from 'src/oauth2/oauth2-form-docs.decorator';

const AUTHORIZE_DESCRIPTION =
  'The first-party web client grants a client on the user’s behalf (FitTrackee `POST ' +
  '/api/oauth/authorize`) and sends the browser to the returned `redirect_url`, which carries ' +
  `the authorization code and \`state\` (RFC 6749 §4.1.2). ${FORM_ONLY} ` +
  'First-party tokens only; an OAuth2 access token gets 403 `insufficient_scope`.';

const AUTHORIZE_REFUSALS =
  'The FitTrackee envelope `{"status": "error", "message": …}`: `invalid payload` (no form ' +
  'field, `client_id` missing, `response_type` missing or not `code`), ' +
  '`The resource owner or authorization server denied the request` (`confirm` is not `true`), ' +
  '`OAuth2 client not found`, `Invalid "redirect_uri" in request.`, ' +
  '`Unsupported "code_challenge_method"`, `Missing "code_challenge"`, ' +
  '`Invalid "code_challenge"`, `Missing "code_challenge": public clients must use PKCE with ' +
  'code_challenge_method S256`, `Public clients must use PKCE with code_challenge_method ' +
  'S256` (a public client without an `S256` challenge), ' +
  '`The requested scope is invalid, unknown, or malformed.`. ' +
  `The RFC 6749 §5.2 body \`{"error": …, "error_description": …}\`: ${INVALID_REQUEST_EDGE}, and ` +
  `${INSECURE_TRANSPORT} (loopback and AUTHLIB_INSECURE_TRANSPORT aside).`;

/** RFC 6749 §4.1.1 parameters, plus `confirm`, of `POST /api/oauth/authorize`, and its answers. */
export const ApiAuthorizeForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Authorize a client and get the redirect URL with the code',
      description: AUTHORIZE_DESCRIPTION,
    }),
    formBody(
      {
        client_id: 'The client id.',
        response_type: '`code`.',
        scope: 'Space-separated scopes.',
        state: 'Opaque value returned with the code.',
        redirect_uri:
          'One of the client’s registered redirect URIs; the port of an `http` loopback IP ' +
          'literal (`127.0.0.1`, `[::1]`) may differ (RFC 8252 §7.3).',
        code_challenge: 'PKCE challenge (RFC 7636 §4.3).',
        code_challenge_method: '`S256` or `plain`; `S256` only for a public client.',
        confirm: '`true` (in any case) when the user accepted; anything else is refused.',
      },
      ['client_id', 'response_type', 'confirm'],
      {
        client_id: EXAMPLE_CLIENT.client_id,
        response_type: 'code',
        scope: 'profile:read workouts:read',
        state: 'af0ifjsldkj',
        redirect_uri: 'https://ridesync.example.com/callback',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        confirm: 'true',
      },
    ),
    ApiResponse({
      status: 200,
      description: 'The grant is recorded; send the browser to `redirect_url`.',
      type: OAuth2AuthorizeResponseDto,
      example: {
        redirect_url:
          'https://ridesync.example.com/callback?code=yqUFSjF6tJwGmdJ3XzTvQ4bHiaKsDPnWkReoLB0xc9Nmf2Ag&state=af0ifjsldkj',
      },
    }),
    ApiResponse({
      status: 400,
      description: AUTHORIZE_REFUSALS,
      schema: { oneOf: [ENVELOPE_ERROR_SCHEMA, OAUTH2_ERROR_SCHEMA] },
      example: { status: 'error', message: 'invalid payload' },
    }),
  );
