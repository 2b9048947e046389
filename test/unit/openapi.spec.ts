import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INestApplication, Type } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from 'src/openapi/openapi.setup';
import { toStableJson } from 'src/openapi/stable-json';
import { operationsOf } from 'test/helpers/openapi';
import { controllersOf, routesOf } from 'test/helpers/route-inventory';

/** HTML pages (the OAuth2 consent page) are excluded from the API document on purpose. */
function documentedControllersOf(app: INestApplication): Type[] {
  return controllersOf(app).filter(
    (controller) => Reflect.getMetadata('swagger/apiExcludeController', controller) === undefined,
  );
}
import { createPreviewApp } from 'test/setup/preview-app';

const COMMITTED = join(__dirname, '..', '..', 'openapi.json');

/**
 * The committed openapi.json is what the code generates (immich's sync-open-api idea);
 * `npm run openapi` (UPDATE_OPENAPI=1) rewrites it.
 */
describe('OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createPreviewApp();
    document = buildOpenApiDocument(app);
  });
  afterAll(() => app.close());

  it('matches the committed openapi.json (run `npm run openapi` after changing the API)', () => {
    const generated = toStableJson(document);
    if (process.env['UPDATE_OPENAPI'] === '1') writeFileSync(COMMITTED, generated);
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    expect(committed).toBe(generated);
  });

  it('documents every route of the application', () => {
    const routes = documentedControllersOf(app).flatMap(routesOf);
    expect(operationsOf(document)).toHaveLength(routes.length);
  });

  it('shows the scopes and both security schemes on each scoped route', () => {
    const operations = operationsOf(document);
    const scoped = operations.filter(([, operation]) => operation['x-scopes'] !== undefined);
    const routes = documentedControllersOf(app).flatMap(routesOf);
    expect(scoped).toHaveLength(routes.filter((r) => r.access?.kind === 'scoped').length);
    for (const [label, operation] of scoped) {
      const scopes = operation['x-scopes'] ?? [];
      // First-party-only routes have no scope and refuse OAuth2 tokens
      // (docs/oauth2.md#first-party-only).
      const expected =
        scopes.length === 0 ? [{ bearer: [] }] : [{ bearer: [] }, { oauth2: scopes }];
      expect({ label, security: operation.security }).toEqual({ label, security: expected });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('marks public routes with an explicit empty security list', () => {
    const routes = documentedControllersOf(app).flatMap(routesOf);
    const open = operationsOf(document).filter(([, op]) => op.security?.length === 0);
    expect(open).toHaveLength(routes.filter((r) => r.access?.kind === 'public').length);
    for (const [, operation] of open) expect(operation['x-scopes']).toBeUndefined();
  });

  it('gives every operation a unique operationId', () => {
    const ids = operationsOf(document).map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows PATCH /api/config with its scope, admin flag and both schemes', () => {
    const patch = document.paths['/api/config']?.patch as Record<string, unknown> | undefined;
    expect(patch).toMatchObject({
      'x-scopes': ['application:write'],
      'x-admin-only': true,
      security: [{ bearer: [] }, { oauth2: ['application:write'] }],
    });
  });
});
