import { ALL_SCOPES } from 'src/auth/scopes';
import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { createUser } from 'test/helpers/factories';
import { issueOAuth2Tokens } from 'test/helpers/oauth2-flow';
import { type InventoryRoute, routeInventory } from 'test/helpers/oauth2-route-inventory';
import { createTestApp, type TestApp } from 'test/setup/test-app';

interface Outcome {
  status: number;
  error?: unknown;
}

const isInsufficientScope = (o: Outcome): boolean =>
  o.status === 403 && o.error === 'insufficient_scope';

/**
 * Spec docs/oauth2.md#resource-protection, docs/oauth2.md#reach, docs/oauth2.md#first-party-only
 * for every registered route: an OAuth2 token lacking the route's scope gets 403 insufficient_scope, one carrying it passes the guards (anything but 401 and
 * 403 insufficient_scope; an admin user so admin-only routes pass too), and first-party-only
 * routes refuse every OAuth2 token.
 */
describe('OAuth2 scope matrix over the route inventory', () => {
  let t: TestApp;
  let routes: InventoryRoute[];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeInventory(t.app);
  });
  afterAll(() => t.close());

  async function tokenFor(scopes: readonly string[]): Promise<string> {
    const key = [...scopes].sort().join(' ');
    const cached = tokens.get(key);
    if (cached !== undefined) return cached;
    const admin = await createUser(t.dataSource, { admin: true });
    const issued = await issueOAuth2Tokens(t, admin, scopes.join(' '));
    expect(issued.scope ?? '').toBe(scopes.join(' '));
    tokens.set(key, issued.access_token);
    return issued.access_token;
  }

  async function call(route: InventoryRoute, token: string): Promise<Outcome> {
    const res = await request(t.http)[route.method](route.url).set(bearer(token));
    return { status: res.status, error: (res.body as { error?: unknown } | undefined)?.error };
  }

  const label = (route: InventoryRoute, o: Outcome) =>
    `${route.method.toUpperCase()} ${route.url} (${route.name}) → ${o.status} ${JSON.stringify(o.error ?? null)}`;

  it('finds the routes of every module, each with an access rule', () => {
    const urls = routes.map((r) => `${r.method.toUpperCase()} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['PATCH /api/config', 'GET /api/oauth/apps', 'POST /api/oauth/token']),
    );
    expect(routes.filter((r) => r.rule === undefined).map((r) => r.name)).toEqual([]);
  });

  it('refuses a token without the route scope, accepts one with it', async () => {
    const failures: string[] = [];
    const scoped = routes.filter((r) => r.rule?.kind === 'scoped' && !r.rule.isFirstPartyOnly);
    expect(scoped.length).toBeGreaterThan(0);
    for (const route of scoped) {
      if (route.rule?.kind !== 'scoped') continue;
      const required = route.rule.scopes;
      if (required.length > 0) {
        const without = await call(
          route,
          await tokenFor(ALL_SCOPES.filter((s) => !required.includes(s))),
        );
        if (!isInsufficientScope(without)) failures.push(`without scope: ${label(route, without)}`);
      }
      const withScope = await call(route, await tokenFor(required));
      if (withScope.status === 401 || isInsufficientScope(withScope))
        failures.push(`with scope: ${label(route, withScope)}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every OAuth2 token on first-party-only routes', async () => {
    const failures: string[] = [];
    const firstParty = routes.filter((r) => r.rule?.kind === 'scoped' && r.rule.isFirstPartyOnly);
    expect(firstParty.length).toBeGreaterThan(0);
    const allScopes = await tokenFor(ALL_SCOPES);
    for (const route of firstParty) {
      const outcome = await call(route, allScopes);
      if (!isInsufficientScope(outcome)) failures.push(label(route, outcome));
    }
    expect(failures).toEqual([]);
  });
});
