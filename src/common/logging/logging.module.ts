import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { buildLoggerParams, createHttpLogger } from 'src/common/logging/logger.options';
import type { LogFormat } from 'src/common/logging/root-logger';

/** The request-line middleware (request-logger.ts); setupApp mounts it before the parsers. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/** nestjs-pino's LoggerModule, sharing its logger with the request-line middleware. */
@Module({})
export class LoggingModule {
  static forRoot(level: string, file?: string, format?: LogFormat): DynamicModule {
    const httpLogger = createHttpLogger(level, file, format);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot(buildLoggerParams(httpLogger))],
      providers: [{ provide: HTTP_LOGGER, useValue: httpLogger }],
      exports: [HTTP_LOGGER],
    };
  }
}
