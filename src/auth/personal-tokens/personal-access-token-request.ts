import { PersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token.entity';
import { isScope, parseScopes, type Scope } from 'src/auth/scopes';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { assertFitsColumn } from 'src/common/validation/column-length';

/** The longest lifetime a token may be given, in days (about ten years). */
export const MAX_EXPIRY_DAYS = 3650;

export interface PersonalAccessTokenRequest {
  name: string;
  scopes: Scope[];
  /** Null: the token never expires. */
  expiresInDays: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON body of `POST /api/auth/tokens` (docs/oauth2.md#personal-access-tokens). Unlike client
 * registration, an unknown scope word is refused rather than dropped: the user chose each one.
 */
export function parsePersonalAccessTokenRequest(body: unknown): PersonalAccessTokenRequest {
  if (!isRecord(body) || Object.keys(body).length === 0) throw new InvalidPayloadError();
  const { name, scope, expires_in_days: days } = body;
  if (typeof name !== 'string' || name.trim() === '')
    throw new InvalidPayloadError('personal access token name must be a non-empty string');
  assertFitsColumn(name, PersonalAccessToken, 'name', 'name');
  const words = typeof scope === 'string' ? scope.split(/\s+/).filter((w) => w !== '') : [];
  if (words.length === 0 || !words.every(isScope))
    throw new InvalidPayloadError(
      'personal access token scope must be one or more space-separated scopes',
    );
  if (
    days !== undefined &&
    days !== null &&
    !(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRY_DAYS)
  )
    throw new InvalidPayloadError(
      `expires_in_days must be an integer from 1 to ${MAX_EXPIRY_DAYS}, or null for no expiry`,
    );
  return { name: name.trim(), scopes: parseScopes(words.join(' ')), expiresInDays: days ?? null };
}
