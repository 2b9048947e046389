import { createHash, randomBytes } from 'node:crypto';

import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer, firstPartyToken } from 'test/helpers/auth';
import type { TestApp } from 'test/setup/test-app';

export interface TestClient {
  id: number;
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  scope: string;
}

export const REDIRECT_URI = 'https://app.example.net/callback';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  scope?: string;
}

/** Creates a client through `POST /api/oauth/apps` with the owner's first-party token. */
export async function createOAuth2Client(
  t: TestApp,
  userToken: string,
  metadata: Record<string, unknown> = {},
): Promise<TestClient> {
  const res = await request(t.http)
    .post('/api/oauth/apps')
    .set(bearer(userToken))
    .send({
      client_name: 'Test app',
      client_uri: 'https://app.example.net',
      redirect_uris: [REDIRECT_URI],
      scope: 'profile:read workouts:read',
      ...metadata,
    });
  if (res.status !== 201) throw new Error(`client creation failed: ${JSON.stringify(res.body)}`);
  return res.body.data.client as TestClient;
}

/** An RFC 7636 verifier and its challenge. */
export function pkcePair(method: 'S256' | 'plain' = 'S256'): {
  verifier: string;
  challenge: string;
} {
  const verifier = randomBytes(48).toString('base64url');
  const challenge =
    method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorize(
  t: TestApp,
  userToken: string,
  fields: Record<string, string>,
): request.Test {
  return request(t.http)
    .post('/api/oauth/authorize')
    .set(bearer(userToken))
    .type('form')
    .send(fields);
}

/** Grants `client` with `confirm=true` and returns the code from the redirect URL. */
export async function authorizeCode(
  t: TestApp,
  userToken: string,
  client: TestClient,
  fields: Record<string, string> = {},
): Promise<string> {
  const res = await authorize(t, userToken, {
    client_id: client.client_id,
    response_type: 'code',
    scope: client.scope,
    confirm: 'true',
    ...fields,
  });
  if (res.status !== 200) throw new Error(`authorize failed: ${JSON.stringify(res.body)}`);
  const code = new URL(res.body.redirect_url as string).searchParams.get('code');
  if (code === null) throw new Error('no code in redirect_url');
  return code;
}

export function tokenRequest(t: TestApp, fields: Record<string, string>): request.Test {
  return request(t.http).post('/api/oauth/token').type('form').send(fields);
}

export function exchangeCode(
  t: TestApp,
  client: TestClient,
  code: string,
  fields: Record<string, string> = {},
): request.Test {
  return tokenRequest(t, {
    grant_type: 'authorization_code',
    client_id: client.client_id,
    client_secret: client.client_secret,
    code,
    ...fields,
  });
}

export function refresh(
  t: TestApp,
  client: TestClient,
  refreshToken: string,
  fields: Record<string, string> = {},
): request.Test {
  return tokenRequest(t, {
    grant_type: 'refresh_token',
    client_id: client.client_id,
    client_secret: client.client_secret,
    refresh_token: refreshToken,
    ...fields,
  });
}

/**
 * A full grant for `user`: a client owned by `user` allowing `scope`, a code, its tokens.
 * An empty `scope` yields a token with no scope at all.
 */
export async function issueOAuth2Tokens(
  t: TestApp,
  user: User,
  scope: string,
): Promise<TokenPair & { client: TestClient }> {
  const userToken = firstPartyToken(t.app, user);
  const client = await createOAuth2Client(t, userToken, {
    scope: scope === '' ? 'profile:read' : scope,
  });
  const code = await authorizeCode(t, userToken, client, scope === '' ? { scope: '' } : { scope });
  const res = await exchangeCode(t, client, code);
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.body)}`);
  return { ...(res.body as TokenPair), client };
}
