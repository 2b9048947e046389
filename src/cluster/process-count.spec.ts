import { processCount } from 'src/cluster/process-count';
import type { AppConfig } from 'src/config/configuration';

const config = (url: string | undefined, webConcurrency: number | undefined): AppConfig =>
  ({ database: { url }, app: { webConcurrency } }) as unknown as AppConfig;

describe('processCount', () => {
  const pg = 'postgresql://db/pacekeeper';

  it('runs one process per core on PostgreSQL by default', () => {
    expect(processCount(config(pg, undefined), 4)).toEqual({
      count: 4,
      label: '4 HTTP workers sharing the port (node:cluster)',
    });
  });

  it('takes WEB_CONCURRENCY when set, 1 meaning no cluster', () => {
    expect(processCount(config(pg, 3), 8).count).toBe(3);
    expect(processCount(config(pg, 1), 8)).toEqual({ count: 1, label: '1 (WEB_CONCURRENCY=1)' });
  });

  it('keeps the embedded database in one process, whatever WEB_CONCURRENCY says', () => {
    expect(processCount(config(undefined, 4), 8)).toEqual({
      count: 1,
      label: '1 (the embedded database is single-process)',
    });
  });
});
