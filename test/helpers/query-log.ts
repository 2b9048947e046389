import type { Scope } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { oauth2AccessToken } from 'test/helpers/oauth2-tokens';
import { personalAccessToken } from 'test/helpers/personal-access-tokens';
import type { TestApp } from 'test/setup/test-app';

/**
 * The environment of an app whose queries a test counts: the webhook dispatcher's poll would
 * be counted with whatever request it overlaps.
 */
export const QUIET_BACKGROUND = { WEBHOOKS_POLL_INTERVAL_MS: '600000' };

/** Every query the app sends from now on, as TypeORM's query logger sees it, appended to `into`. */
export function logQueriesInto(t: TestApp, into: string[]): void {
  const logger = t.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    into.push(query);
    logQuery(query, parameters, runner);
  };
}

/** An OAuth2 access token and a personal access token of `user`, each granted `scope`. */
export async function scopedTokens(t: TestApp, user: User, scope: Scope): Promise<string[]> {
  return [await oauth2AccessToken(t.app, user, scope), await personalAccessToken(t, user, scope)];
}

/** A GET's answer, and how many queries the app sent while answering it. */
export interface CountedAnswer {
  status: number;
  body: unknown;
  text: string;
  count: number;
}

/** `GET path` with `auth`, counting what `logQueriesInto` appends to `queries` meanwhile. */
export async function countedGet(
  t: TestApp,
  queries: string[],
  path: string,
  auth: string,
): Promise<CountedAnswer> {
  queries.length = 0;
  const response = await request(t.http).get(path).set(bearer(auth));
  return {
    status: response.status,
    body: response.body as unknown,
    text: response.text,
    count: queries.length,
  };
}
