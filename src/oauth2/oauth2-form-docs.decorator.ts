import { ApiBody } from '@nestjs/swagger';

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

/** RFC 6749 §4.1.1 parameters, plus `confirm`, of `POST /api/oauth/authorize`. */
export const ApiAuthorizeForm = (): MethodDecorator =>
  formBody(
    {
      client_id: 'The client id.',
      response_type: '`code`.',
      scope: 'Space-separated scopes.',
      state: 'Opaque value returned with the code.',
      redirect_uri: 'One of the client’s registered redirect URIs.',
      code_challenge: 'PKCE challenge (RFC 7636 §4.3).',
      code_challenge_method: '`S256` or `plain`.',
      confirm: '`true` when the user accepted.',
    },
    ['client_id', 'response_type', 'confirm'],
  );
