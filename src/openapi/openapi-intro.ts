/**
 * Where Swagger UI's OAuth2 redirect page (swagger-ui-dist's own) is served; the UI comes back to
 * it whether it was opened at `/api/docs` or `/api/docs/`.
 */
export const SWAGGER_UI_REDIRECT_PATH = '/api/docs/oauth2-redirect.html';

const SWAGGER_UI_CLIENT = {
  client_name: 'Swagger UI',
  client_uri: '<UI_URL>/api/docs',
  redirect_uris: [`<UI_URL>${SWAGGER_UI_REDIRECT_PATH}`],
  scope: 'profile:read workouts:read workouts:write',
};

/**
 * The `info.description` Swagger UI shows at the top of the page: what the tokens carry, and
 * how a newcomer gets one from the page itself. The server registers no OAuth2 client on its
 * own (FitTrackee `POST /api/oauth/apps` is how every client comes to exist), so it says how to
 * register one for Swagger UI.
 */
export const API_INTRODUCTION = `Self-hosted workout tracker speaking the FitTrackee 0.7 REST API. \
First-party tokens (from \`POST /api/auth/login\`) carry every scope; OAuth2 access tokens carry \
only their granted scopes (\`x-scopes\` on each operation).

## Trying the API from this page

**With a token you paste.** Call \`POST /api/auth/login\` (*Try it out*), copy \`auth_token\` \
from the answer, then **Authorize** → \`bearer\` → paste it: every operation accepts it. An \
OAuth2 access token pasted there works too, within its scopes.

**With OAuth2** (Authorization Code with PKCE). The server registers no client by itself: \
each user registers their own, once.

1. With a pasted first-party token, call \`POST /api/oauth/apps\` with

   \`\`\`json
   ${JSON.stringify(SWAGGER_UI_CLIENT, null, 2).replace(/\n/g, '\n   ')}
   \`\`\`

   where \`<UI_URL>\` is the server's public address (the \`UI_URL\` setting, \
\`http://localhost:5000\` by default); open this page from that same address. The redirect URI \
must be exactly \`<UI_URL>${SWAGGER_UI_REDIRECT_PATH}\`, the page this UI comes back to whether \
it was opened at \`/api/docs\` or \`/api/docs/\`. \`scope\` lists the scopes the client may ever \
be granted (space-separated, among those of the \`oauth2\` scheme).
2. Keep \`client_id\` and \`client_secret\` from the answer: the secret is shown only once.
3. **Authorize** → \`oauth2\`: paste \`client_id\` and \`client_secret\` (the token endpoint \
takes them in the form body, \`client_secret_post\`), tick scopes among the client's, then \
**Authorize**. Sign in and consent in the window that opens; it closes and this page is \
authorized. The PKCE challenge (\`S256\`) is made for you. A public client (registered \
with \`"token_endpoint_auth_method": "none"\`) has no secret: leave \`client_secret\` empty.

The OAuth2 endpoints require HTTPS, except on the server's own host (\`localhost\`) or when \
\`AUTHLIB_INSECURE_TRANSPORT\` is set.`;
