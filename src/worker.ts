import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from 'src/app.module';
import { appVersion } from 'src/common/logging/app-version';
import { NestPinoAdapter } from 'src/common/logging/nest-logger.adapter';
import { rootLogger } from 'src/common/logging/root-logger';
import { reportStartupFailure } from 'src/common/logging/startup-failure';
import { installProcessErrorHandlers } from 'src/common/process/process-error-handlers';
import { fallbackLogSettings, loadAppConfig } from 'src/config/configuration';
import { ConfigurationError } from 'src/config/configuration-error';
import { redactUrlPassword } from 'src/config/redact';

/**
 * `npm run worker`: only the BullMQ worker (emails, data exports), no HTTP server. API
 * instances started with DISABLE_WORKER=1 then leave the jobs to it.
 */
async function bootstrap(): Promise<void> {
  let logger = rootLogger(fallbackLogSettings());
  try {
    const config = loadAppConfig();
    const { logLevel: level, logFile: file, logFormat: format } = config.app;
    logger = rootLogger({ level, file, format });
    const redisUrl = config.redis.url;
    if (redisUrl === undefined)
      throw new ConfigurationError([
        {
          variable: 'REDIS_URL',
          value: undefined,
          problem: 'the worker takes its jobs from Redis',
          fix: 'Set REDIS_URL (e.g. redis://localhost:6379), or run no worker: without REDIS_URL the server runs jobs itself.',
        },
      ]);
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ ...config, app: { ...config.app, isWorkerDisabled: false } }),
      { logger: new NestPinoAdapter(logger), abortOnError: false },
    );
    app.useLogger(app.get(PinoLogger));
    installProcessErrorHandlers();
    app.enableShutdownHooks();
    await app.init();
    logger.info(
      { version: appVersion(), jobs: redactUrlPassword(redisUrl) },
      `Pacekeeper ${appVersion()} worker taking jobs from Redis ${redactUrlPassword(redisUrl)}`,
    );
  } catch (error: unknown) {
    reportStartupFailure(logger, error);
    process.exit(1);
  }
}

void bootstrap();
