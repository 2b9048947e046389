import { allowedScopes, filterClientScope } from 'src/oauth2/clients/client-scope';

describe('filterClientScope (docs/oauth2.md#scopes)', () => {
  it('drops unknown scopes, keeps order and duplicates, joins with single spaces', () => {
    expect(filterClientScope(' workouts:read  foo profile:read workouts:read ')).toBe(
      'workouts:read profile:read workouts:read',
    );
  });

  it.each([[''], ['   '], ['foo bar'], [3], [null], [['profile:read']]])('refuses %p', (value) => {
    expect(filterClientScope(value)).toBeNull();
  });
});

describe('allowedScopes (Authlib get_allowed_scope)', () => {
  it('keeps the requested scopes the client allows, in requested order', () => {
    expect(
      allowedScopes(['users:read', 'workouts:read', 'profile:read'], 'profile:read workouts:read'),
    ).toEqual(['workouts:read', 'profile:read']);
    expect(allowedScopes([], 'profile:read')).toEqual([]);
  });
});
