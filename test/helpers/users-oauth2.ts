import { randomBytes } from 'node:crypto';

import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { OAUTH2_STRATEGY } from 'src/auth/guards/strategy-names';
import type { Principal } from 'src/auth/principal';
import type { Scope } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import type { DataSource } from 'typeorm';

/**
 * Scope tests need OAuth2 access tokens; this stands in for the OAuth2 feature's bearer
 * strategy (same passport name) with tokens minted in memory for a user and a scope list.
 * Call it after createTestApp so that it replaces any strategy the app registered.
 */
export function useTestOAuth2Tokens(
  dataSource: DataSource,
): (user: User, scopes: Scope[]) => string {
  const tokens = new Map<string, { userId: number; scopes: Scope[] }>();
  passport.use(
    OAUTH2_STRATEGY,
    new BearerStrategy((token, done) => {
      const grant = tokens.get(token);
      if (!grant) {
        done(null, false);
        return;
      }
      dataSource
        .getRepository(User)
        .findOneBy({ id: grant.userId })
        .then((user) => {
          if (!user) {
            done(null, false);
            return;
          }
          const principal: Principal = { user, scopes: grant.scopes, kind: 'oauth2', token };
          done(null, principal);
        })
        .catch((error: unknown) => {
          done(error);
        });
    }),
  );
  return (user, scopes) => {
    const token = randomBytes(21).toString('hex');
    tokens.set(token, { userId: user.id, scopes });
    return token;
  };
}
