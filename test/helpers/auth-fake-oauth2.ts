import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { OAUTH2_STRATEGY } from 'src/auth/guards/strategy-names';
import type { Principal } from 'src/auth/principal';
import { parseScopes, type Scope } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import type { DataSource } from 'typeorm';

/**
 * Stands in for the OAuth2 bearer strategy (the real one is covered by the OAuth2 scope-matrix test) so scope rules can be
 * tested here: token `fake-oauth2.<user id>.<scope+scope>` is an OAuth2 token with those scopes.
 */
export function installFakeOAuth2(dataSource: DataSource): void {
  passport.use(
    OAUTH2_STRATEGY,
    new BearerStrategy((token, done) => {
      const [kind, id, scopes] = token.split('.');
      if (kind !== 'fake-oauth2' || id === undefined) {
        done(null, false);
        return;
      }
      dataSource
        .getRepository(User)
        .findOneBy({ id: Number(id) })
        .then((user) => {
          if (!user) {
            done(null, false);
            return;
          }
          const principal: Principal = {
            user,
            scopes: parseScopes((scopes ?? '').replace(/\+/g, ' ')),
            kind: 'oauth2',
            token,
          };
          done(null, principal);
        })
        .catch((error: unknown) => {
          done(error);
        });
    }),
  );
}

export function fakeOAuth2Token(user: User, ...scopes: Scope[]): string {
  return `fake-oauth2.${String(user.id)}.${scopes.join('+')}`;
}
