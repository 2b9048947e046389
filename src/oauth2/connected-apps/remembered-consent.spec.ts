import { isConsentRemembered } from 'src/oauth2/connected-apps/remembered-consent';

const URI = 'https://app.example.net/cb';
const grant = { scopes: ['profile:read', 'workouts:read'], redirectUri: URI };
const request = (params: Record<string, string>, redirectUri = URI) => ({
  params: { codeChallenge: 'c'.repeat(43), codeChallengeMethod: 'S256', ...params },
  redirectUri,
});

describe('isConsentRemembered', () => {
  it('answers the same or fewer scopes, or none, at the same redirect URI', () => {
    expect(isConsentRemembered(grant, request({ scope: 'workouts:read profile:read' }))).toBe(true);
    expect(isConsentRemembered(grant, request({ scope: 'profile:read' }))).toBe(true);
    expect(isConsentRemembered(grant, request({}))).toBe(true);
  });

  it('refuses more scopes, another redirect URI, no grant', () => {
    expect(isConsentRemembered(grant, request({ scope: 'profile:read users:read' }))).toBe(false);
    expect(isConsentRemembered(grant, request({}, 'https://app.example.net/other'))).toBe(false);
    expect(isConsentRemembered({ ...grant, redirectUri: null }, request({}))).toBe(false);
    expect(isConsentRemembered(null, request({}))).toBe(false);
  });

  it('needs an S256 challenge', () => {
    expect(isConsentRemembered(grant, request({ codeChallengeMethod: 'plain' }))).toBe(false);
    expect(isConsentRemembered(grant, { params: {}, redirectUri: URI })).toBe(false);
  });
});
