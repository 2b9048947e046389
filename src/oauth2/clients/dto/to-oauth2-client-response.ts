import { toHttpDateFullMonth } from 'src/common/format/http-date';
import type { OAuth2ClientResponseDto } from 'src/oauth2/clients/dto/oauth2-client-response.dto';
import { isPublicClient, type OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';

/**
 * Allow-list mapper; the secret is passed only by the creation request (FitTrackee
 * `GET /api/oauth/apps`). A confidential client answers exactly as in FitTrackee; only a public
 * client carries `token_endpoint_auth_method` (docs/oauth2.md#public-clients).
 */
export function toOAuth2ClientResponse(
  client: OAuth2Client,
  clientSecret?: string,
): OAuth2ClientResponseDto {
  const response: OAuth2ClientResponseDto = {
    client_description: client.description,
    client_id: client.clientId,
    id: client.id,
    issued_at: toHttpDateFullMonth(client.issuedAt),
    name: client.name,
    redirect_uris: [...client.redirectUris],
    scope: client.scope,
    website: client.website,
  };
  if (clientSecret !== undefined) response.client_secret = clientSecret;
  if (isPublicClient(client)) response.token_endpoint_auth_method = 'none';
  return response;
}
