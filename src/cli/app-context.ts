import { type INestApplicationContext, Inject, Injectable } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { CLI_CONFIG } from 'src/cli/cli-output';
import { InProcessJobQueue } from 'src/common/jobs/in-process-job-queue';
import type { AppConfig } from 'src/config/configuration';

/**
 * The application's modules without HTTP, built only for the commands that need the database
 * (`db upgrade` must run before any of it), with the same providers as the server, so that
 * features contribute their maintenance hooks. Pending in-process jobs (emails) finish first.
 */
@Injectable()
export class AppContextRunner {
  constructor(@Inject(CLI_CONFIG) private readonly config: AppConfig) {}

  async run<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(this.config), {
      logger: ['error'],
      abortOnError: false,
    });
    try {
      const result = await work(app);
      await drainJobs(app);
      return result;
    } finally {
      await app.close();
    }
  }
}

async function drainJobs(app: INestApplicationContext): Promise<void> {
  const queue = findInProcessQueue(app);
  if (queue !== undefined) await queue.drain();
}

/** Absent when the jobs run on Redis (BullMQ): the workers then own them. */
function findInProcessQueue(app: INestApplicationContext): InProcessJobQueue | undefined {
  try {
    return app.get(InProcessJobQueue, { strict: false });
  } catch {
    return undefined;
  }
}
