import { ownReadWithToken, type Principal, readWithToken } from 'src/auth/principal';
import { callerReadToken } from 'src/database/caller-read';
import { fakeUser } from 'test/helpers/guard-context';

const SPORTS = callerReadToken<string[]>('sports');
const RECORDS = callerReadToken<string[]>('records');

function principalWith(read?: Principal['read']): Principal {
  return { user: fakeUser(), scopes: [], kind: 'first-party', token: 't', read };
}

describe('reads of the caller, read with the token', () => {
  it('gives the value read under the same token', () => {
    const principal = principalWith({ token: SPORTS, value: ['running'] });
    expect(readWithToken(principal, SPORTS)).toEqual(['running']);
    expect(ownReadWithToken(principal, SPORTS)).toEqual(['running']);
  });

  it("never gives another token's value", () => {
    const principal = principalWith({ token: SPORTS, value: ['running'] });
    expect(readWithToken(principal, RECORDS)).toBeUndefined();
    expect(() => ownReadWithToken(principal, RECORDS)).toThrow(/no caller read records/);
  });

  it('says when nothing was read: the route module does not provide it', () => {
    expect(readWithToken(principalWith(), SPORTS)).toBeUndefined();
    expect(() => ownReadWithToken(principalWith(), SPORTS)).toThrow(/no caller read sports/);
  });
});
