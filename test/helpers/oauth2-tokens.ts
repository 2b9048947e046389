import type { INestApplication } from '@nestjs/common';
import { SCOPE, type Scope } from 'src/auth/scopes';
import { OAuth2ClientsService } from 'src/oauth2/clients/oauth2-clients.service';
import { OAuth2TokenService } from 'src/oauth2/oauth2-token.service';
import { OAuth2CodesService } from 'src/oauth2/tokens/oauth2-codes.service';
import type { User } from 'src/users/user.entity';

/**
 * A real OAuth2 access token of `user` granting exactly `scopes`, so scope tests go through the
 * production bearer strategy and ScopesGuard. It takes the path of FitTrackee
 * `POST /api/oauth/apps`, `POST /api/oauth/authorize` and `POST /api/oauth/token` without HTTP: a client owned by `user` (as `POST /api/oauth/apps`), a code for it
 * (as a confirmed `POST /api/oauth/authorize`), exchanged by the token endpoint's own service,
 * which stores the pair as digests. No scope at all gives a token without scope.
 */
export async function oauth2AccessToken(
  app: INestApplication,
  user: User,
  ...scopes: Scope[]
): Promise<string> {
  const scope = scopes.join(' ');
  const { client } = await app.get(OAuth2ClientsService).create(user, {
    client_name: 'Scope test app',
    client_uri: 'https://app.example.net',
    redirect_uris: ['https://app.example.net/callback'],
    // A client needs at least one scope (FitTrackee `POST /api/oauth/apps`); the code asks for none
    // of it.
    scope: scope === '' ? SCOPE.PROFILE_READ : scope,
  });
  const code = await app.get(OAuth2CodesService).create({
    clientId: client.id,
    userId: user.id,
    redirectUri: null,
    scope: scope === '' ? null : scope,
    codeChallenge: null,
    codeChallengeMethod: null,
  });
  const issued = await app.get(OAuth2TokenService).token(
    {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      client_secret: client.client_secret,
      code,
    },
    undefined,
  );
  return issued.access_token;
}
