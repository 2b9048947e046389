import type { ValidatedAuthorization } from 'src/oauth2/authorization/oauth2-authorize.service';
import type { OAuth2Grant } from 'src/oauth2/connected-apps/oauth2-grant.entity';

/**
 * Whether a signed-in user's earlier consent answers this authorization request without showing
 * the consent screen again (docs/oauth2.md#remembered-consent):
 * - the user's grant of this app is still in force;
 * - the browser goes back to the redirect URI of that consent;
 * - every scope word asked for was granted (asking for more shows the screen);
 * - the request carries a PKCE S256 challenge, so the code can only be redeemed by whoever
 *   started this very request (RFC 7636 §1, RFC 9700 §2.1.1): a page that merely sends the
 *   browser to this URL gets a code it cannot use, and RFC 6749 §10.2 asks for such an
 *   assurance before repeated requests are answered without the user.
 */
export function isConsentRemembered(
  grant: Pick<OAuth2Grant, 'scopes' | 'redirectUri'> | null,
  authorization: Pick<ValidatedAuthorization, 'params' | 'redirectUri'>,
): boolean {
  if (grant === null || grant.redirectUri !== authorization.redirectUri) return false;
  const { codeChallenge, codeChallengeMethod, scope } = authorization.params;
  if (codeChallenge === undefined || codeChallengeMethod !== 'S256') return false;
  const granted = new Set(grant.scopes);
  return (scope ?? '')
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => granted.has(word));
}
