import { parsePersonalAccessTokenRequest } from 'src/auth/personal-tokens/personal-access-token-request';
import { InvalidPayloadError } from 'src/common/errors/http-errors';

describe('parsePersonalAccessTokenRequest', () => {
  it('trims the name, orders the scopes as the vocabulary, drops duplicates', () => {
    expect(
      parsePersonalAccessTokenRequest({
        name: ' sync ',
        scope: 'workouts:write  profile:read workouts:write',
        expires_in_days: 7,
      }),
    ).toEqual({ name: 'sync', scopes: ['profile:read', 'workouts:write'], expiresInDays: 7 });
  });

  it('reads an absent or null expiry as no expiry, and accepts the bounds', () => {
    for (const days of [undefined, null])
      expect(
        parsePersonalAccessTokenRequest({ name: 'x', scope: 'users:read', expires_in_days: days })
          .expiresInDays,
      ).toBeNull();
    for (const days of [1, 3650])
      expect(
        parsePersonalAccessTokenRequest({ name: 'x', scope: 'users:read', expires_in_days: days })
          .expiresInDays,
      ).toBe(days);
  });

  it.each([
    [null],
    [[]],
    ['text'],
    [{ name: 'x', scope: 'Profile:read' }],
    [{ name: 'x', scope: 'profile:read', expires_in_days: -1 }],
    [{ name: 'x', scope: 'profile:read', expires_in_days: Number.NaN }],
    [{ name: 'x', scope: 'profile:read', expires_in_days: true }],
  ])('refuses %p', (body) => {
    expect(() => parsePersonalAccessTokenRequest(body)).toThrow(InvalidPayloadError);
  });
});
