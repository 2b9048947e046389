import type { PersonalAccessTokenResponseDto } from 'src/auth/personal-tokens/dto/personal-access-token-response.dto';
import type { PersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token.entity';
import { toHttpDate, toHttpDateOrNull } from 'src/common/format/http-date';

/** Allow-list mapper; the secret is passed only by the creation request. */
export function toPersonalAccessTokenResponse(
  token: PersonalAccessToken,
  secret?: string,
): PersonalAccessTokenResponseDto {
  const response: PersonalAccessTokenResponseDto = {
    id: token.id,
    name: token.name,
    scope: token.scope,
    created_at: toHttpDate(token.createdAt),
    last_used_at: toHttpDateOrNull(token.lastUsedAt),
    expires_at: toHttpDateOrNull(token.expiresAt),
  };
  if (secret !== undefined) response.access_token = secret;
  return response;
}
