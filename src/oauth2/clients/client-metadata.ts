import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { assertFitsColumn } from 'src/common/validation/column-length';
import { filterClientScope } from 'src/oauth2/clients/client-scope';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { redirectUriProblem } from 'src/oauth2/clients/redirect-uri';

export interface ClientMetadata {
  name: string;
  website: string;
  description: string | null;
  redirectUris: string[];
  scope: string;
}

/** Listed in this order in the "missing keys" message (FitTrackee `POST /api/oauth/apps`). */
const REQUIRED_KEYS = ['client_name', 'client_uri', 'redirect_uris', 'scope'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * FitTrackee `POST /api/oauth/apps` checks, then the checks the
 * reference lacks: string types and redirect URIs (RFC 6749 §3.1.2, RFC 8252 §7.1).
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
  return {
    name,
    website,
    description: typeof description === 'string' ? description : null,
    redirectUris: parseRedirectUris(body['redirect_uris']),
    scope,
  };
}

function parseRedirectUris(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidPayloadError('OAuth2 client redirect_uris must be a non-empty list of URLs');
  return value.map((uri: unknown) => {
    if (typeof uri !== 'string')
      throw new InvalidPayloadError('OAuth2 client redirect_uris must be a non-empty list of URLs');
    const problem = redirectUriProblem(uri);
    if (problem !== null)
      throw new InvalidPayloadError(`OAuth2 client invalid redirect URI "${uri}": ${problem}`);
    return uri;
  });
}
