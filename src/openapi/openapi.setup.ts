import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Response as ExpressResponse } from 'express';
import { FIRST_PARTY_SECURITY, OAUTH2_SECURITY } from 'src/auth/decorators/scopes.decorator';
import { ALL_SCOPES } from 'src/auth/scopes';
import { ErrorEnvelope, OAuth2ErrorResponse } from 'src/common/openapi/error-schemas';
import type { AppConfig } from 'src/config/configuration';
import { addCorsPreflights } from 'src/openapi/cors-preflight';
import { finishDocument } from 'src/openapi/openapi-document';
import { API_INTRODUCTION, SWAGGER_UI_REDIRECT_PATH } from 'src/openapi/openapi-intro';
import { toStableJson } from 'src/openapi/stable-json';

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
    .setDescription(API_INTRODUCTION)
    .setVersion('0.7.32')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A first-party token (`auth_token` of `POST /api/auth/login`), or an OAuth2 access ' +
          'token within its scopes',
      },
      FIRST_PARTY_SECURITY,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'Authorization Code with PKCE (RFC 7636, `S256`); a confidential client authenticates ' +
          'at the token endpoint with `client_id` and `client_secret` in the form body ' +
          '(`client_secret_post`), a public client with `client_id` alone (`none`). See the ' +
          'introduction for registering a client.',
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
    extraModels: [ErrorEnvelope, OAuth2ErrorResponse],
    operationIdFactory: (controllerKey: string, methodKey: string) =>
      `${controllerKey}.${methodKey}`,
  });
  return addCorsPreflights(finishDocument(document));
}

/**
 * Swagger UI at /api/docs, the document at /api/docs-json (the bytes of the committed
 * openapi.json: built once, keys sorted) and /api/docs-yaml. Swagger UI derives its OAuth2
 * redirect URI from the page's folder, which is `/api` at `/api/docs`, where nothing is served:
 * the one page swagger-ui-dist serves under `/api/docs/` is named instead, at the server's
 * public address, so both addresses send the redirect URI a client registered. PKCE is on.
 */
export function setupOpenApi(app: INestApplication): void {
  const publicUrl = app
    .get<ConfigService<AppConfig, true>>(ConfigService)
    .get('app.uiUrl', { infer: true });
  let document: OpenAPIObject | undefined;
  const built = (): OpenAPIObject => (document ??= buildOpenApiDocument(app));
  let json: string | undefined;
  app
    .getHttpAdapter()
    .get('/api/docs-json', (_request: unknown, response: ExpressResponse) =>
      response.type('application/json').send((json ??= toStableJson(built()))),
    );
  SwaggerModule.setup('api/docs', app, built, {
    raw: ['yaml'],
    yamlDocumentUrl: 'api/docs-yaml',
    useGlobalPrefix: false,
    swaggerOptions: {
      oauth2RedirectUrl: `${publicUrl}${SWAGGER_UI_REDIRECT_PATH}`,
      initOAuth: { usePkceWithAuthorizationCodeGrant: true },
    },
  });
}
