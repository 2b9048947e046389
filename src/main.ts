import cluster from 'node:cluster';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from 'src/app.module';
import { setupApp } from 'src/app.setup';
import { serve } from 'src/cluster/cluster-primary';
import { processCount } from 'src/cluster/process-count';
import { appVersion } from 'src/common/logging/app-version';
import { NestPinoAdapter } from 'src/common/logging/nest-logger.adapter';
import { rootLogger } from 'src/common/logging/root-logger';
import { listenError, reportStartupFailure } from 'src/common/logging/startup-failure';
import { startupLine } from 'src/common/logging/startup-line';
import { installProcessErrorHandlers } from 'src/common/process/process-error-handlers';
import { fallbackLogSettings, loadAppConfig } from 'src/config/configuration';

async function bootstrap(): Promise<void> {
  // Until the configuration has loaded, failures go to a logger built from what is valid of it.
  let logger = rootLogger(fallbackLogSettings());
  try {
    const config = loadAppConfig();
    const { logLevel: level, logFile: file, logFormat: format, host, port } = config.app;
    logger = rootLogger({ level, file, format });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bodyParser: false,
      // Nest logs through pino from its first line; a failure is rethrown to be reported below.
      logger: new NestPinoAdapter(logger),
      abortOnError: false,
    });
    setupApp(app);
    // After setupApp: Nest's Logger then writes through the application's pino logger.
    installProcessErrorHandlers();
    await app.listen(port, host).catch((error: unknown) => {
      throw listenError(error, host, port);
    });
    // PORT=0 asks the system for a free port: name the one actually bound.
    const address: unknown = app.getHttpServer().address();
    const bound =
      typeof address === 'object' && address !== null ? (address as { port: number }).port : port;
    // In a cluster, the primary says it once for all the workers.
    if (cluster.isWorker) return;
    const line = startupLine({
      version: appVersion(),
      host,
      port: bound,
      databaseUrl: config.database.url,
      dataDir: config.app.dataDir,
      redisUrl: config.redis.url,
      isWorkerDisabled: config.app.isWorkerDisabled,
      storage: { settings: config.storage, uploadFolder: config.app.uploadFolder },
      processes: processCount(config).label,
    });
    logger.info(line.fields, line.message);
  } catch (error: unknown) {
    reportStartupFailure(logger, error);
    process.exit(1);
  }
}

void serve(bootstrap);
