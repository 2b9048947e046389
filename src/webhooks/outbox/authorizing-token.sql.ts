/**
 * SQL condition on `oauth2_tokens` alias `t`: the pair still authorizes its client, i.e. it is
 * not revoked and its refresh token is still usable (docs/oauth2.md#tokens), or its access
 * token never expires.
 */
export const AUTHORIZING_TOKEN = `t.access_token_revoked_at IS NULL
  AND t.refresh_token_revoked_at IS NULL
  AND (t.expires_in = 0
       OR t.issued_at + 2 * t.expires_in * interval '1 second' >= (now() AT TIME ZONE 'utc'))`;
