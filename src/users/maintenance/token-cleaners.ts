/**
 * Maintenance hooks of the admin CLI for tables other features own. The auth feature provides
 * `BLACKLISTED_TOKENS_CLEANER` (FitTrackee `ftcli users clean_tokens`: delete blacklisted JWTs
 * whose `exp` is more than `days` days in the past) and the OAuth2 feature provides
 * `OAUTH2_TOKENS_CLEANER` (`ftcli oauth2 clean`: delete tokens whose access token expired
 * more than `days` days ago, `issued_at + expires_in < now − days`). Each returns the number
 * of deleted rows. Without a provider the command reports that it is unavailable.
 */
export interface ExpiredTokensCleaner {
  cleanExpired(days: number): Promise<number>;
}

export const BLACKLISTED_TOKENS_CLEANER = Symbol('BLACKLISTED_TOKENS_CLEANER');

export const OAUTH2_TOKENS_CLEANER = Symbol('OAUTH2_TOKENS_CLEANER');
