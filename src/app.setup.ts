import { type INestApplication, Logger, RequestMethod, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { EnvelopeGuard } from 'src/common/envelope/envelope.guard';
import { useEnvelope } from 'src/common/envelope/envelope.reply';
import { useJsonReply } from 'src/common/envelope/json-reply';
import { AllExceptionsFilter, sendException } from 'src/common/errors/all-exceptions.filter';
import { weakETag } from 'src/common/http/etag';
import { chain, type Middleware, whenBody } from 'src/common/http/middleware-chain';
import { noSniff } from 'src/common/http/response-headers';
import { HTTP_LOGGER } from 'src/common/logging/logging.module';
import type { RequestLogger } from 'src/common/logging/request-logger';
import { useMetrics } from 'src/common/metrics/use-metrics';
import { EdgeInputGuard } from 'src/common/validation/edge-input.guard';
import { EdgeInputPipe } from 'src/common/validation/edge-input.pipe';
import { toValidationError } from 'src/common/validation/validation-error';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-options';
import type { AppConfig } from 'src/config/configuration';
import { CorsPolicy } from 'src/oauth2/cors/cors-policy';
import { setupOpenApi } from 'src/openapi/openapi.setup';

/** JSON and form bodies are small; uploads are multipart and limited by the app config. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Routes served outside `/api`: the OAuth2 consent page and RFC 8414 metadata. */
export const NON_API_ROUTES = [
  { path: '.well-known/{*path}', method: RequestMethod.ALL },
  { path: 'profile/{*path}', method: RequestMethod.ALL },
  // The device flow's short verification address (docs/oauth2.md#device-flow).
  { path: 'device', method: RequestMethod.ALL },
];

/**
 * The one place that shapes the HTTP surface (the same for tests and production): metrics,
 * prefix, parsers, validation, envelope, error filter, OpenAPI. main.ts and the e2e tests both call it.
 */
export function setupApp(app: NestExpressApplication): void {
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', config.get('app.trustProxy', { infer: true }));
  app.disable('x-powered-by');
  // Express's weak ETag (conditional GETs answer 304), computed without a hash object.
  app.set('etag', weakETag);
  // Before the rest: the request timing covers it, and scrapes are neither logged nor parsed.
  useMetrics(app);
  useRoutePrefix(app);
  const requestLogger = app.get<RequestLogger>(HTTP_LOGGER);
  // One Express layer for what every request goes through, in this order: nosniff on every
  // answer (see response-headers.ts); the request line, so a request the parsers reject (broken
  // JSON, 413) still gets its line and id; CORS before the parsers, so a body they refuse still
  // reaches a browser app as a readable error; the request's logger bound last, for the
  // application's own log lines.
  app.use(
    chain(
      noSniff,
      requestLogger,
      app.get(CorsPolicy, { strict: false }).handle,
      whenBody(...bodyParsers()),
      requestLogger.bindContext,
    ),
  );
  useParserErrors(app);
  // After the APP_GUARDs (who are you, may you): no NUL, no absurd nesting, on every route.
  // Last, EnvelopeGuard marks how the handler's result is wrapped when useEnvelope replies.
  app.useGlobalGuards(new EdgeInputGuard(), new EnvelopeGuard(app.get(Reflector)));
  app.useGlobalPipes(
    new EdgeInputPipe(),
    new ValidationPipe({
      ...VALIDATOR_OPTIONS,
      transform: true,
      exceptionFactory: toValidationError,
    }),
  );
  useJsonReply(app.getHttpAdapter());
  useEnvelope(app.getHttpAdapter());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
}

/** Also applied by the OpenAPI and route-inventory tests, which build the app in preview mode. */
export function useRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: NON_API_ROUTES });
}

function bodyParsers(): Middleware[] {
  return [
    express.json({ limit: JSON_BODY_LIMIT }),
    express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT }),
  ];
}

function useParserErrors(app: INestApplication): void {
  const logger = new Logger('BodyParser');
  // Parser failures happen before routing, so Nest's filters never see them.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    sendException(error, request, response, logger);
  });
}
