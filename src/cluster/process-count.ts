import { availableParallelism } from 'node:os';

import type { AppConfig } from 'src/config/configuration';

export interface ProcessCount {
  count: number;
  /** For the start-up line: how many processes answer HTTP, and why. */
  label: string;
}

/**
 * HTTP worker processes: WEB_CONCURRENCY, by default one per available core, on PostgreSQL.
 * The embedded database lives inside the server's process and accepts one connection, so it
 * always runs as one process.
 */
export function processCount(
  config: AppConfig,
  cores: number = availableParallelism(),
): ProcessCount {
  if (config.database.url === undefined)
    return { count: 1, label: '1 (the embedded database is single-process)' };
  const count = config.app.webConcurrency ?? cores;
  if (count === 1) return { count, label: '1 (WEB_CONCURRENCY=1)' };
  return { count, label: `${count} HTTP workers sharing the port (node:cluster)` };
}
