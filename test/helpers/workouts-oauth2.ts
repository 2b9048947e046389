import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { OAUTH2_STRATEGY } from 'src/auth/guards/strategy-names';
import type { Principal } from 'src/auth/principal';
import { parseScopes } from 'src/auth/scopes';
import { User } from 'src/users/user.entity';
import type { DataSource } from 'typeorm';

const PREFIX = 'test-oauth2';

type Done = (error: unknown, principal?: Principal | false) => void;

async function resolve(dataSource: DataSource, token: string): Promise<Principal | false> {
  const [prefix, id, scopes] = token.split('.');
  if (prefix !== PREFIX || id === undefined) return false;
  const user = await dataSource.getRepository(User).findOneBy({ id: Number(id) });
  if (!user) return false;
  return { user, scopes: parseScopes((scopes ?? '').replace(/\+/g, ' ')), kind: 'oauth2', token };
}

/**
 * Registers a stand-in for the OAuth2 bearer strategy (the real one is covered by the OAuth2 scope-matrix test) so scope
 * rules can be tested here: `test-oauth2.<userId>.<scope+scope>` is an OAuth2 token of that
 * user with those scopes. Passport is per test file (jest module registry), so this replaces
 * the real strategy only in the file that calls it.
 */
export function useFakeOAuth2(dataSource: DataSource): void {
  passport.use(
    OAUTH2_STRATEGY,
    new BearerStrategy((token: string, done: Done) => {
      resolve(dataSource, token).then(
        (principal) => {
          done(null, principal);
        },
        (error: unknown) => {
          done(error);
        },
      );
    }),
  );
}

export function fakeOAuth2Token(user: User, ...scopes: string[]): string {
  return `${PREFIX}.${user.id}.${scopes.join('+')}`;
}
