import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { useRoutePrefix } from 'src/app.setup';
import { buildTestConfig } from 'test/setup/test-config';

/**
 * The whole application graph in Nest's preview mode: modules and controllers are scanned but
 * no provider is instantiated, so no database is needed (route inventory, OpenAPI document).
 */
export async function createPreviewApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(buildTestConfig()), {
    preview: true,
    logger: false,
  });
  useRoutePrefix(app);
  return app;
}
