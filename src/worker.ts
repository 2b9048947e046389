import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from 'src/app.module';
import { installProcessErrorHandlers } from 'src/common/process/process-error-handlers';
import { loadAppConfig } from 'src/config/configuration';

/**
 * `npm run worker`: only the BullMQ worker (emails, data exports), no HTTP server. API
 * instances started with DISABLE_WORKER=1 then leave the jobs to it.
 */
async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.redis.url === undefined)
    throw new Error('The worker needs REDIS_URL: without it, jobs run inside the API process.');
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, app: { ...config.app, isWorkerDisabled: false } }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  installProcessErrorHandlers();
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
