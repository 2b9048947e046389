import { ALL_SCOPES, type Scope } from 'src/auth/scopes';
import type { User } from 'src/users/user.entity';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { issueOAuth2Tokens } from 'test/helpers/oauth2-flow';
import { type InventoryRoute, routeInventory } from 'test/helpers/oauth2-route-inventory';
import { personalAccessToken } from 'test/helpers/personal-access-tokens';
import { createTestApp, type TestApp } from 'test/setup/test-app';

interface Outcome {
  status: number;
  error?: unknown;
  message?: unknown;
}

const isInsufficientScope = (o: Outcome): boolean =>
  o.status === 403 && o.error === 'insufficient_scope';

/**
 * The scope matrix of oauth2-scope-matrix.e2e-spec.ts, over the same route inventory, with
 * personal access tokens (docs/oauth2.md#personal-access-tokens): for every route and every single
 * scope, a personal access token carrying that scope passes exactly when the route needs no
 * other, and answers exactly what an OAuth2 access token with the same scope answers (status,
 * `error`, `message`). First-party-only routes refuse a token carrying every scope.
 */
describe('personal access token scope matrix over the route inventory', () => {
  let t: TestApp;
  let routes: InventoryRoute[];
  let admin: User;
  const personal = new Map<string, string>();
  const oauth2 = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeInventory(t.app);
    // An admin, so that admin-only routes pass once the scope does.
    admin = await createUser(t.dataSource, { admin: true });
    for (const scopes of [...ALL_SCOPES.map((scope) => [scope]), ALL_SCOPES]) {
      const scope = scopes.join(' ');
      personal.set(scope, await personalAccessToken(t, admin, scope));
      oauth2.set(scope, (await issueOAuth2Tokens(t, admin, scope)).access_token);
    }
  });
  afterAll(() => t.close());

  async function call(route: InventoryRoute, token: string | undefined): Promise<Outcome> {
    const res = await request(t.http)
      [route.method](route.url)
      .set(bearer(token ?? ''));
    const body = res.body as { error?: unknown; message?: unknown } | undefined;
    return { status: res.status, error: body?.error, message: body?.message };
  }

  const label = (route: InventoryRoute, scope: string, o: Outcome) =>
    `${route.method.toUpperCase()} ${route.url} (${route.name}) with [${scope}] → ${o.status} ${JSON.stringify(o.error ?? o.message ?? null)}`;

  it('covers the scoped routes of every module', () => {
    const scoped = routes.filter((r) => r.rule?.kind === 'scoped');
    expect(scoped.length).toBeGreaterThan(40);
    expect(scoped.map((r) => `${r.method.toUpperCase()} ${r.url}`)).toEqual(
      expect.arrayContaining(['PATCH /api/config', 'GET /api/auth/tokens', 'GET /api/workouts']),
    );
  });

  it('passes with each single scope exactly where OAuth2 passes, with the same answers', async () => {
    const failures: string[] = [];
    const scoped = routes.filter((r) => r.rule?.kind === 'scoped' && !r.rule.isFirstPartyOnly);
    for (const route of scoped) {
      if (route.rule?.kind !== 'scoped') continue;
      const required: readonly Scope[] = route.rule.scopes;
      for (const scope of ALL_SCOPES) {
        const withPersonal = await call(route, personal.get(scope));
        const withOAuth2 = await call(route, oauth2.get(scope));
        const shouldPass = required.every((needed) => needed === scope);
        const passed = withPersonal.status !== 401 && !isInsufficientScope(withPersonal);
        if (passed !== shouldPass)
          failures.push(
            `${shouldPass ? 'refused' : 'let through'}: ${label(route, scope, withPersonal)}`,
          );
        if (JSON.stringify(withPersonal) !== JSON.stringify(withOAuth2))
          failures.push(
            `differs from OAuth2 ${label(route, scope, withOAuth2)}: ${label(route, scope, withPersonal)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a token carrying every scope on first-party-only routes, as OAuth2', async () => {
    const failures: string[] = [];
    const firstParty = routes.filter((r) => r.rule?.kind === 'scoped' && r.rule.isFirstPartyOnly);
    expect(firstParty.length).toBeGreaterThan(0);
    const all = ALL_SCOPES.join(' ');
    for (const route of firstParty) {
      const outcome = await call(route, personal.get(all));
      if (!isInsufficientScope(outcome)) failures.push(label(route, all, outcome));
      if (JSON.stringify(outcome) !== JSON.stringify(await call(route, oauth2.get(all))))
        failures.push(`differs from OAuth2: ${label(route, all, outcome)}`);
    }
    expect(failures).toEqual([]);
  });
});
