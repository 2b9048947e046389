import type { AccessRule } from 'src/auth/decorators/access.metadata';
import { ScopesGuard } from 'src/auth/guards/scopes.guard';
import type { Principal } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ForbiddenError, UnauthorizedError } from 'src/common/errors/http-errors';
import { InsufficientScopeError } from 'src/common/errors/oauth2-error';
import {
  fakeReflector,
  fakeRequest,
  fakeUser,
  FIRST_PARTY_ONLY,
  httpContext,
  principal,
  PUBLIC,
  SCOPED,
} from 'test/helpers/guard-context';

function check(rule: AccessRule | undefined, caller?: Principal): boolean {
  const guard = new ScopesGuard(fakeReflector(rule));
  return guard.canActivate(httpContext(fakeRequest('Bearer t', caller)));
}

const READ = SCOPED([SCOPE.WORKOUTS_READ]);
const ADMIN_READ = SCOPED([SCOPE.USERS_READ], true);
const admin = fakeUser({ admin: true });
const inactive = fakeUser({ isActive: false });

describe('ScopesGuard (docs/oauth2.md#resource-protection steps 4–6)', () => {
  it('lets a public route through without a principal', () => {
    expect(check(PUBLIC)).toBe(true);
  });

  it('denies a route without an access rule', () => {
    expect(check(undefined, principal('first-party', admin))).toBe(false);
  });

  it('answers 401 when a scoped route has no principal', () => {
    expect(() => check(READ)).toThrow(UnauthorizedError);
  });

  it('ignores scopes for a first-party token', () => {
    expect(check(READ, principal('first-party', fakeUser(), []))).toBe(true);
  });

  it('accepts an OAuth2 token that carries the scope', () => {
    expect(check(READ, principal('oauth2', fakeUser(), [SCOPE.WORKOUTS_READ]))).toBe(true);
  });

  it('refuses an OAuth2 token lacking the scope with insufficient_scope', () => {
    expect(() => check(READ, principal('oauth2', fakeUser(), [SCOPE.WORKOUTS_WRITE]))).toThrow(
      InsufficientScopeError,
    );
  });

  it('refuses an OAuth2 token with no scope at all', () => {
    expect(() => check(READ, principal('oauth2', fakeUser(), []))).toThrow(InsufficientScopeError);
  });

  it('checks the scope before the active flag', () => {
    expect(() => check(READ, principal('oauth2', inactive, []))).toThrow(InsufficientScopeError);
    expect(() => check(READ, principal('oauth2', inactive, [SCOPE.WORKOUTS_READ]))).toThrow(
      UnauthorizedError,
    );
  });

  it('answers 401 for an inactive first-party user', () => {
    expect(() => check(READ, principal('first-party', inactive))).toThrow(UnauthorizedError);
  });

  it('checks the active flag before the admin flag', () => {
    expect(() => check(ADMIN_READ, principal('first-party', inactive))).toThrow(UnauthorizedError);
  });

  it("refuses an admin's OAuth2 token lacking the scope with insufficient_scope", () => {
    expect(() => check(ADMIN_READ, principal('oauth2', admin, [SCOPE.WORKOUTS_READ]))).toThrow(
      InsufficientScopeError,
    );
  });

  it("refuses a non-admin's token with the scope with you do not have permissions", () => {
    const error = ((): unknown => {
      try {
        return check(ADMIN_READ, principal('oauth2', fakeUser(), [SCOPE.USERS_READ]));
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({
      httpStatus: 403,
      body: { message: 'you do not have permissions' },
    });
  });

  it('accepts an admin on an admin route, with either kind of token', () => {
    expect(check(ADMIN_READ, principal('first-party', admin))).toBe(true);
    expect(check(ADMIN_READ, principal('oauth2', admin, [SCOPE.USERS_READ]))).toBe(true);
  });

  it('requires every listed scope', () => {
    const both = SCOPED([SCOPE.PROFILE_READ, SCOPE.PROFILE_WRITE]);
    expect(() => check(both, principal('oauth2', fakeUser(), [SCOPE.PROFILE_READ]))).toThrow(
      InsufficientScopeError,
    );
  });

  it('refuses any OAuth2 token on a first-party-only route, even one with every scope', () => {
    const all = Object.values(SCOPE);
    expect(() => check(FIRST_PARTY_ONLY, principal('oauth2', admin, all))).toThrow(
      InsufficientScopeError,
    );
  });

  it('accepts a first-party token on a first-party-only route', () => {
    expect(check(FIRST_PARTY_ONLY, principal('first-party'))).toBe(true);
  });

  it('treats a personal access token exactly as an OAuth2 token', () => {
    const token = (scopes: Parameters<typeof principal>[2]) =>
      principal('personal-access-token', fakeUser(), scopes);
    expect(check(READ, token([SCOPE.WORKOUTS_READ]))).toBe(true);
    expect(() => check(READ, token([SCOPE.WORKOUTS_WRITE]))).toThrow(InsufficientScopeError);
    expect(() =>
      check(FIRST_PARTY_ONLY, principal('personal-access-token', admin, Object.values(SCOPE))),
    ).toThrow(InsufficientScopeError);
  });
});
