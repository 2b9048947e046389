import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedLock } from 'src/database/embedded-lock';

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
    private readonly lock: EmbeddedLock,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const directory = join(dataDir, 'pgdata');
    mkdirSync(directory, { recursive: true });
    const lock = EmbeddedLock.acquire(join(dataDir, 'pgdata.lock'));
    try {
      const db = await PGlite.create(directory);
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      const address = server.getServerConn();
      const url = `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`;
      return new EmbeddedPostgres(db, server, lock, url);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
