import { parseScopes } from 'src/auth/scopes';
import { toHttpDate, toHttpDateOrNull } from 'src/common/format/http-date';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import type { ConnectedAppResponseDto } from 'src/oauth2/connected-apps/dto/connected-app-response.dto';
import type { OAuth2Grant } from 'src/oauth2/connected-apps/oauth2-grant.entity';

/** Allow-list mapper: nothing of the client's secret, owner or redirect URIs. */
export function toConnectedAppResponse(
  grant: OAuth2Grant,
  client: OAuth2Client,
): ConnectedAppResponseDto {
  return {
    client_id: client.clientId,
    name: client.name,
    website: client.website,
    client_description: client.description,
    scope: parseScopes(grant.scopes.join(' ')).join(' '),
    first_authorized_at: toHttpDate(grant.firstAuthorizedAt),
    last_used_at: toHttpDateOrNull(grant.lastUsedAt),
  };
}
