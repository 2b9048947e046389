import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import type { TestApp } from 'test/setup/test-app';

/** `POST /api/auth/tokens` with the given bearer token and JSON body. */
export function postPersonalAccessToken(t: TestApp, token: string, body: unknown): request.Test {
  return request(t.http)
    .post('/api/auth/tokens')
    .set(bearer(token))
    .send(body as object);
}

/** A real personal access token of `user` carrying `scope`, created over HTTP. */
export async function personalAccessToken(
  t: TestApp,
  user: User,
  scope: string,
  expiresInDays: number | null = null,
): Promise<string> {
  const res = await postPersonalAccessToken(t, firstPartyToken(t.app, user), {
    name: 'test token',
    scope,
    expires_in_days: expiresInDays,
  });
  if (res.status !== 201) throw new Error(`token creation failed: ${JSON.stringify(res.body)}`);
  return (res.body as { data: { token: { access_token: string } } }).data.token.access_token;
}
