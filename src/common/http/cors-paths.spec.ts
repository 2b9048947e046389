import { isCorsPath } from 'src/common/http/cors-paths';

describe('isCorsPath (docs/oauth2.md#cors)', () => {
  it.each([
    '/api/oauth/token',
    '/api/oauth/revoke',
    '/api/oauth/introspect',
    '/API/OAuth/Token/',
    '/.well-known/oauth-authorization-server',
    '/api/workouts',
    '/api/workouts/{workout_id}/gpx',
    '/api/users/someone',
    '/api/config',
    '/api/authors',
    '/api/oauthx',
    '/api/auth/profile',
    '/API/Auth/Profile/',
    '/api/auth/profile/edit',
    '/api/auth/profile/edit/preferences',
    '/api/auth/profile/reset/sports/{sport_id}',
    '/api/auth/picture',
  ])('covers %s', (path) => {
    expect(isCorsPath(path)).toBe(true);
  });

  it.each([
    '/api/auth/login',
    '/api/auth/profile/edit/account',
    '/api/auth/tokens',
    '/api/auth/account/export',
    '/api/auth',
    '/API/Auth/Login/',
    '/api/oauth/authorize',
    '/api/oauth/apps',
    '/api/oauth/apps/3/revoke',
    '/api/oauth/token/extra',
    '/api/docs',
    '/api/docs-json',
    '/api/docs/oauth2-redirect.html',
    '/profile/apps/authorize',
    '/.well-known/other',
    '/api',
    '/',
  ])('leaves %s same-origin', (path) => {
    expect(isCorsPath(path)).toBe(false);
  });
});
