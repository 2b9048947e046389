import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import { installProcessErrorHandlers } from 'src/common/process/process-error-handlers';
import { loadAppConfig } from 'src/config/configuration';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  setupApp(app);
  // After setupApp: Nest's Logger then writes through the application's pino logger.
  installProcessErrorHandlers();
  await app.listen(config.app.port, config.app.host);
}

bootstrap().catch((error: unknown) => {
  // Configuration errors list every bad variable; print them plainly and exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
