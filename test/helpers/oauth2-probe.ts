import request, { type Response } from 'supertest';
import { bearer } from 'test/helpers/auth';
import type { TestApp } from 'test/setup/test-app';

/**
 * Calls a protected route the token's scope does not cover: a usable token gets 403
 * insufficient_scope, a revoked or expired one 401 invalid_token. PATCH /api/config is
 * `application:write` + admin (docs/oauth2.md#scopes); tokens probed here never carry that scope.
 */
export function probeToken(t: TestApp, accessToken: string): Promise<Response> {
  return request(t.http).patch('/api/config').set(bearer(accessToken)).send({ about: 'probe' });
}
