import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from 'test/helpers/auth';

/** Small wrappers over the `/api/auth` endpoints, for tests that chain them. */
export async function login(http: App, email: string, password: string): Promise<string> {
  const res = await request(http).post('/api/auth/login').send({ email, password });
  const body = res.body as { auth_token?: unknown };
  if (res.status !== 200 || typeof body.auth_token !== 'string')
    throw new Error(`login failed: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return body.auth_token;
}

export function register(http: App, body: Record<string, unknown>): request.Test {
  return request(http)
    .post('/api/auth/register')
    .send({ accepted_policy: true, password: '12345678', ...body });
}

export function getProfile(http: App, token: string): Promise<Response> {
  return request(http).get('/api/auth/profile').set(bearer(token));
}
