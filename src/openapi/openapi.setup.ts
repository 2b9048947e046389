import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FIRST_PARTY_SECURITY, OAUTH2_SECURITY } from 'src/auth/decorators/scopes.decorator';
import { ALL_SCOPES } from 'src/auth/scopes';
import { finishDocument } from 'src/openapi/openapi-document';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'application:write': 'Edit the application configuration (admins only)',
  'profile:read': 'Read your profile, preferences and sport preferences',
  'profile:write': 'Edit your profile, account, preferences and picture',
  'users:read': 'Read user accounts',
  'users:write': 'Administer and delete user accounts',
  'workouts:read': 'Read your workouts, records, sports and statistics',
  'workouts:write': 'Create, edit and delete your workouts',
};

/** The OpenAPI document, generated from the controllers (the @nestjs/swagger CLI plugin fills in DTOs). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Pacekeeper API')
    .setDescription(
      'Self-hosted workout tracker speaking the FitTrackee 0.7 REST API. First-party tokens ' +
        '(from `POST /api/auth/login`) carry every scope; OAuth2 access tokens carry only their ' +
        'granted scopes (`x-scopes` on each operation).',
    )
    .setVersion('0.7.32')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'First-party token' },
      FIRST_PARTY_SECURITY,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Authorization Code with PKCE; client credentials in the POST body',
        flows: {
          authorizationCode: {
            authorizationUrl: '/profile/apps/authorize',
            tokenUrl: '/api/oauth/token',
            refreshUrl: '/api/oauth/token',
            scopes: Object.fromEntries(
              ALL_SCOPES.map((scope) => [scope, SCOPE_DESCRIPTIONS[scope] ?? scope]),
            ),
          },
        },
      },
      OAUTH2_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey: string, methodKey: string) =>
      `${controllerKey}.${methodKey}`,
  });
  return finishDocument(document);
}

/** Swagger UI at /api/docs, the document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    useGlobalPrefix: false,
  });
}
