import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import type { ConnectionOptions } from 'src/database/data-source.options';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';
import { waitForDatabase } from 'src/database/wait-for-database';

/** Resolves where the database is: DATABASE_URL, or the embedded PGlite under DATA_DIR. */
@Injectable()
export class DatabaseConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseConnection.name);
  private embedded: EmbeddedPostgres | undefined;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  async resolve(): Promise<ConnectionOptions> {
    const url = this.config.get('database.url', { infer: true });
    if (url !== undefined) {
      await waitForDatabase(url);
      return { url };
    }
    const dataDir = this.config.get('app.dataDir', { infer: true });
    this.embedded = await EmbeddedPostgres.start(dataDir);
    // The start-up line names the database; this one is for debugging the embedded server.
    this.logger.debug(`DATABASE_URL is not set: using the embedded database in ${dataDir}/pgdata`);
    // The socket server accepts one connection: keep it open rather than reconnect after idling,
    // so a new connection never races the server's release of the old one.
    // It runs in this process, so it is never unreachable: a request may wait up to 10 s for
    // its one connection (a long upload holds it) rather than fail over to a 503 early.
    return {
      url: this.embedded.url,
      poolSize: 1,
      idleTimeoutMillis: 0,
      connectTimeoutMillis: 10000,
    };
  }

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = undefined;
  }
}
