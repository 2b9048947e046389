/** Passport strategy names, tried in this order by the AuthGuard (spec oauth2.md §6.1 steps 3–4). */
export const FIRST_PARTY_STRATEGY = 'first-party-jwt';
export const OAUTH2_STRATEGY = 'oauth2-bearer';
