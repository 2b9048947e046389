import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded database: PGlite (the PostgreSQL engine compiled to WASM) served on a loopback
 * socket so the ordinary `pg` driver talks to it. PGlite has a single session, so the server
 * accepts one connection and the pool is one connection wide: a transaction holds that
 * connection until it ends, and two transactions can never interleave in one session (where a
 * rollback of one would silently undo the other's writes).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const directory = join(dataDir, 'pgdata');
    mkdirSync(directory, { recursive: true });
    const db = await PGlite.create(directory);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const address = server.getServerConn();
    return new EmbeddedPostgres(
      db,
      server,
      `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    );
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
