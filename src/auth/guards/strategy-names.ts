/**
 * Passport strategy names, tried in this order by the AuthGuard (docs/oauth2.md#resource-protection
 * steps 3–4); a `pk_pat_` token goes to the personal access token strategy alone.
 */
export const FIRST_PARTY_STRATEGY = 'first-party-jwt';
export const OAUTH2_STRATEGY = 'oauth2-bearer';
export const PERSONAL_ACCESS_TOKEN_STRATEGY = 'personal-access-token';
