import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { assertFitsColumn } from 'src/common/validation/column-length';
import { filterClientScope } from 'src/oauth2/clients/client-scope';
import {
  OAuth2Client,
  TOKEN_ENDPOINT_AUTH_METHODS,
  type TokenEndpointAuthMethod,
} from 'src/oauth2/clients/oauth2-client.entity';
import { isPrivateUseRedirectUri, redirectUriProblem } from 'src/oauth2/clients/redirect-uri';

export interface ClientMetadata {
  name: string;
  website: string;
  description: string | null;
  redirectUris: string[];
  scope: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
}

/** Listed in this order in the "missing keys" message (FitTrackee `POST /api/oauth/apps`). */
const REQUIRED_KEYS = ['client_name', 'client_uri', 'redirect_uris', 'scope'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PRIVATE_USE_FOR_PUBLIC_ONLY =
  'private-use URI schemes are only allowed for public clients (token_endpoint_auth_method "none")';

/**
 * FitTrackee `POST /api/oauth/apps` checks, then the checks the
 * reference lacks: string types and redirect URIs (RFC 6749 §3.1.2, RFC 8252 §7.1), and the
 * optional `token_endpoint_auth_method` of a public client (docs/oauth2.md#public-clients).
 */
export function parseClientMetadata(body: unknown): ClientMetadata {
  if (!isRecord(body) || Object.keys(body).length === 0)
    throw new InvalidPayloadError('OAuth2 client metadata missing');
  const missing = REQUIRED_KEYS.filter((key) => !(key in body));
  if (missing.length > 0)
    throw new InvalidPayloadError(`OAuth2 client metadata missing keys: ${missing.join(', ')}`);
  const scope = filterClientScope(body['scope']);
  if (scope === null) throw new InvalidPayloadError('OAuth2 client invalid scopes');
  const { client_name: name, client_uri: website, client_description: description } = body;
  if (typeof name !== 'string' || name.trim() === '')
    throw new InvalidPayloadError('OAuth2 client name must be a non-empty string');
  assertFitsColumn(name, OAuth2Client, 'name', 'client_name');
  if (typeof website !== 'string')
    throw new InvalidPayloadError('OAuth2 client URI must be a string');
  if (description !== undefined && description !== null && typeof description !== 'string')
    throw new InvalidPayloadError('OAuth2 client description must be a string');
  const tokenEndpointAuthMethod = parseAuthMethod(body['token_endpoint_auth_method']);
  return {
    name,
    website,
    description: typeof description === 'string' ? description : null,
    redirectUris: parseRedirectUris(body['redirect_uris'], tokenEndpointAuthMethod === 'none'),
    scope,
    tokenEndpointAuthMethod,
  };
}

/** RFC 7591 §2: absent means `client_secret_post`, the confidential client FitTrackee knows. */
function parseAuthMethod(value: unknown): TokenEndpointAuthMethod {
  if (value === undefined || value === null) return 'client_secret_post';
  const method = TOKEN_ENDPOINT_AUTH_METHODS.find((known) => known === value);
  if (method === undefined)
    throw new InvalidPayloadError(
      'OAuth2 client token_endpoint_auth_method must be "client_secret_post" or "none"',
    );
  return method;
}

/**
 * A private-use scheme reaches whichever app claimed it on the device (RFC 8252 §8.4), which
 * proves nothing about a confidential client, so only public clients may register one.
 */
function parseRedirectUris(value: unknown, isPublic: boolean): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidPayloadError('OAuth2 client redirect_uris must be a non-empty list of URLs');
  return value.map((uri: unknown) => {
    if (typeof uri !== 'string')
      throw new InvalidPayloadError('OAuth2 client redirect_uris must be a non-empty list of URLs');
    const problem = redirectUriProblem(uri);
    if (problem !== null)
      throw new InvalidPayloadError(`OAuth2 client invalid redirect URI "${uri}": ${problem}`);
    if (!isPublic && isPrivateUseRedirectUri(uri))
      throw new InvalidPayloadError(
        `OAuth2 client invalid redirect URI "${uri}": ${PRIVATE_USE_FOR_PUBLIC_ONLY}`,
      );
    return uri;
  });
}
