import pkce from '@node-oauth/oauth2-server/lib/pkce/pkce';

/** RFC 7636 §4.1: `[A-Za-z0-9-._~]{43,128}` (FitTrackee `POST /api/oauth/token`). */
export function codeVerifierMatchesFormat(verifier: string): boolean {
  return pkce.codeChallengeMatchesABNF(verifier);
}

/** The challenge methods we accept (FitTrackee `POST /api/oauth/authorize`). */
export const CODE_CHALLENGE_METHODS = ['S256', 'plain'] as const;

export function isCodeChallengeMethod(method: string): boolean {
  return pkce.isValidMethod(method);
}
