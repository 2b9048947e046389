import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOperation } from '@nestjs/swagger';

type FieldDocs = Record<string, string>;

function formBody(fields: FieldDocs, required: string[]): MethodDecorator {
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
    },
  });
}

const CLIENT_CREDENTIALS: FieldDocs = {
  client_id: 'The client id (client_secret_post, RFC 6749 §2.3.1).',
  client_secret: 'The client secret.',
};

/** RFC 6749 §4.1.3 and §6 requests of `POST /api/oauth/token`. */
export const ApiTokenForm = (): MethodDecorator =>
  formBody(
    {
      grant_type: '`authorization_code` or `refresh_token`.',
      ...CLIENT_CREDENTIALS,
      code: 'The authorization code (authorization_code).',
      redirect_uri: 'The redirect URI sent to the authorization endpoint, if any.',
      code_verifier: 'The PKCE verifier (RFC 7636 §4.5).',
      refresh_token: 'The refresh token (refresh_token).',
    },
    ['grant_type', 'client_id', 'client_secret'],
  );

/** RFC 7009 §2.1 request of `POST /api/oauth/revoke`. */
export const ApiRevokeForm = (): MethodDecorator =>
  formBody(
    {
      token: 'The access or refresh token to revoke.',
      token_type_hint: '`access_token` or `refresh_token`.',
      ...CLIENT_CREDENTIALS,
    },
    ['token', 'client_id', 'client_secret'],
  );

const AUTHORIZE_DESCRIPTION =
  'Form fields only (`application/x-www-form-urlencoded` or `multipart/form-data`), as ' +
  'FitTrackee reads them: a JSON body, or fields in the query string, count as an empty form ' +
  '(400 `invalid payload`). First-party tokens only; an OAuth2 access token gets 403 ' +
  '`insufficient_scope`.';

const AUTHORIZE_REFUSALS =
  'The FitTrackee envelope `{"status": "error", "message": …}`: `invalid payload` (no form ' +
  'field, `client_id` missing, `response_type` missing or not `code`), ' +
  '`The resource owner or authorization server denied the request` (`confirm` is not `true`), ' +
  '`OAuth2 client not found`, `Invalid "redirect_uri" in request.`, ' +
  '`Unsupported "code_challenge_method"`, `Missing "code_challenge"`, ' +
  '`Invalid "code_challenge"`, `The requested scope is invalid, unknown, or malformed.`. ' +
  'RFC 6749 §5.2 `{"error": "invalid_request", "error_description": …}` for a value the edge ' +
  'refuses (a NUL character), `{"error": "insecure_transport", "error_description": "OAuth 2 MUST utilize https."}` over plain HTTP (loopback and AUTHLIB_INSECURE_TRANSPORT aside).';

/** RFC 6749 §4.1.1 parameters, plus `confirm`, of `POST /api/oauth/authorize`. */
export const ApiAuthorizeForm = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ description: AUTHORIZE_DESCRIPTION }),
    formBody(
      {
        client_id: 'The client id.',
        response_type: '`code`.',
        scope: 'Space-separated scopes.',
        state: 'Opaque value returned with the code.',
        redirect_uri: 'One of the client’s registered redirect URIs.',
        code_challenge: 'PKCE challenge (RFC 7636 §4.3).',
        code_challenge_method: '`S256` or `plain`.',
        confirm: '`true` (in any case) when the user accepted; anything else is refused.',
      },
      ['client_id', 'response_type', 'confirm'],
    ),
    ApiBadRequestResponse({
      description: AUTHORIZE_REFUSALS,
      content: {
        'application/json': {
          schema: {
            oneOf: [
              {
                type: 'object',
                required: ['status', 'message'],
                properties: {
                  status: { type: 'string', enum: ['error'] },
                  message: { type: 'string' },
                },
              },
              {
                type: 'object',
                required: ['error'],
                properties: { error: { type: 'string' }, error_description: { type: 'string' } },
              },
            ],
          },
          example: { status: 'error', message: 'invalid payload' },
        },
      },
    }),
  );
