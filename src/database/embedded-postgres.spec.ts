import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildDataSourceOptions } from 'src/database/data-source.options';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';
import { DataSource, type EntityManager } from 'typeorm';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PGlite has one session: if two transactions interleaved on it, the rollback of one would
 * silently undo the other's writes. The embedded database serializes them (one-connection
 * pool); this proves it with the DataSource options the application uses.
 */
describe('EmbeddedPostgres with a one-connection pool', () => {
  let dataDir: string;
  let embedded: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pacekeeper-embedded-'));
    embedded = await EmbeddedPostgres.start(dataDir);
    dataSource = new DataSource({
      ...buildDataSourceOptions({ url: embedded.url, poolSize: 1, idleTimeoutMillis: 0 }),
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE marks (label text NOT NULL)');
  }, 180000);

  afterAll(async () => {
    await dataSource.destroy();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => dataSource.query('DELETE FROM marks'));

  const insert = (manager: EntityManager, label: string) =>
    manager.query('INSERT INTO marks (label) VALUES ($1)', [label]);

  const labels = async (): Promise<string[]> =>
    (await dataSource.query<{ label: string }[]>('SELECT label FROM marks ORDER BY label')).map(
      (row) => row.label,
    );

  it('keeps the committed transaction and drops the failed one when they overlap', async () => {
    const events: string[] = [];
    let failedHasWritten!: () => void;
    const written = new Promise<void>((resolve) => (failedHasWritten = resolve));

    const failing = dataSource.transaction(async (manager) => {
      await insert(manager, 'failed-1');
      events.push('failed: wrote');
      failedHasWritten();
      await pause(200); // the other transaction is now waiting for the connection
      await insert(manager, 'failed-2');
      events.push('failed: throws');
      throw new Error('boom');
    });
    await written;
    const committing = dataSource.transaction(async (manager) => {
      events.push('committed: starts');
      await insert(manager, 'committed-1');
      await insert(manager, 'committed-2');
    });

    const [failure, success] = await Promise.allSettled([failing, committing]);
    expect(failure).toMatchObject({ status: 'rejected', reason: new Error('boom') });
    expect(success.status).toBe('fulfilled');
    expect(await labels()).toEqual(['committed-1', 'committed-2']);
    expect(events).toEqual(['failed: wrote', 'failed: throws', 'committed: starts']);
  });

  it("keeps the first transaction's rows when a later overlapping one fails", async () => {
    const committing = dataSource.transaction(async (manager) => {
      await insert(manager, 'first');
      await pause(100);
    });
    const failing = dataSource.transaction(async (manager) => {
      await insert(manager, 'second');
      throw new Error('boom');
    });
    const results = await Promise.allSettled([committing, failing]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(await labels()).toEqual(['first']);
  });

  it('runs many overlapping transactions without losing a committed row', async () => {
    const runs = Array.from({ length: 20 }, (_, i) =>
      dataSource.transaction(async (manager) => {
        await insert(manager, `row-${String(i).padStart(2, '0')}`);
        await pause(i % 3);
        if (i % 2 === 1) throw new Error(`odd ${i}`);
      }),
    );
    const results = await Promise.allSettled(runs);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    expect(await labels()).toEqual(
      Array.from({ length: 10 }, (_, i) => `row-${String(i * 2).padStart(2, '0')}`),
    );
  });
});
