import cluster, { type Worker } from 'node:cluster';

import type { Logger } from 'pino';
import { processCount } from 'src/cluster/process-count';
import { appVersion } from 'src/common/logging/app-version';
import { rootLogger } from 'src/common/logging/root-logger';
import { reportStartupFailure } from 'src/common/logging/startup-failure';
import { startupLine } from 'src/common/logging/startup-line';
import { answerMetricsRequests } from 'src/common/metrics/cluster-metrics';
import { CLUSTER_ROLE_ENV, type ClusterRole } from 'src/common/process/cluster-role';
import { type AppConfig, loadAppConfig } from 'src/config/configuration';
import { runMigrations } from 'src/database/run-migrations';
import { waitForDatabase } from 'src/database/wait-for-database';

/** A worker that SIGTERM has not stopped by then (a stuck upload) is killed. */
const DRAIN_TIMEOUT_MS = 30_000;
/** A replacement that dies before it listens is tried again after this pause, not in a loop. */
const RESTART_DELAY_MS = 1_000;

/**
 * `npm start`: on PostgreSQL with more than one process (process-count.ts), this process
 * becomes the cluster's primary; otherwise, and in every worker, `startServer` runs as is.
 */
export async function serve(startServer: () => Promise<void>): Promise<void> {
  if (cluster.isWorker) return startServer();
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch {
    // The single-process path reports a bad configuration the way it always has.
    return startServer();
  }
  const { count, label } = processCount(config);
  if (count <= 1) return startServer();
  await new ClusterPrimary(config, count, label).start();
}

/**
 * Applies the migrations once, then forks the workers: the `background` one first (start-up
 * sweep, timers, job worker; cluster-role.ts), the HTTP-only ones once it listens. A worker that
 * dies is replaced; SIGTERM or SIGINT drains every worker, then the primary exits.
 */
class ClusterPrimary {
  private readonly logger: Logger;
  private readonly roles = new Map<Worker, ClusterRole>();
  private readonly listened = new Set<Worker>();
  private isStopping = false;
  private isStarted = false;

  constructor(
    private readonly config: AppConfig,
    private readonly count: number,
    private readonly label: string,
  ) {
    const { logLevel: level, logFile: file, logFormat: format } = config.app;
    this.logger = rootLogger({ level, file, format });
  }

  async start(): Promise<void> {
    try {
      await this.migrate();
      // A scrape reaches any worker, which asks the primary for the sum of all of them
      // (docs/operations.md#cluster-mode).
      if (this.config.metrics.token !== undefined) answerMetricsRequests();
      process.on('SIGTERM', () => {
        this.stop('SIGTERM');
      });
      process.on('SIGINT', () => {
        this.stop('SIGINT');
      });
      cluster.on('exit', (worker, code, signal) => {
        this.onExit(worker, code, signal);
      });
      const port = await this.fork('background');
      const others = Array.from({ length: this.count - 1 }, () => this.fork('http'));
      await Promise.all(others);
      this.isStarted = true;
      this.logStartupLine(port);
    } catch (error: unknown) {
      // Stopped while starting: the workers' exits end the primary (onExit).
      if (this.isStopping) return;
      reportStartupFailure(this.logger, error);
      this.killAll('SIGKILL');
      process.exit(1);
    }
  }

  private async migrate(): Promise<void> {
    const url = this.config.database.url;
    if (url !== undefined) await waitForDatabase(url);
    const applied = await runMigrations(this.config);
    this.logger.info(
      { migrations: applied },
      `database migrations: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`,
    );
  }

  /** Resolves with the port once the worker listens; rejects if it exits before. */
  private fork(role: ClusterRole): Promise<number> {
    const worker = cluster.fork({ [CLUSTER_ROLE_ENV]: role });
    this.roles.set(worker, role);
    return new Promise((resolve, reject) => {
      worker.once('listening', (address: { port: number }) => {
        this.listened.add(worker);
        resolve(address.port);
      });
      worker.once('exit', (code: number | null, signal: string | null) => {
        if (!this.listened.has(worker))
          reject(new Error(`a ${role} worker exited before listening (${signal ?? code})`));
      });
    });
  }

  private onExit(worker: Worker, code: number | null, signal: string | null): void {
    const role = this.roles.get(worker) ?? 'http';
    const hadListened = this.listened.has(worker);
    this.roles.delete(worker);
    this.listened.delete(worker);
    if (this.isStopping) {
      if (this.roles.size === 0) {
        this.logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    // During start-up, `start` reports the failure and exits.
    if (!this.isStarted) return;
    this.logger.warn(
      { pid: worker.process.pid, code, signal, role },
      `worker ${worker.process.pid ?? '?'} (${role}) exited (${signal ?? `code ${code}`}); starting a replacement`,
    );
    const delay = hadListened ? 0 : RESTART_DELAY_MS;
    setTimeout(() => {
      if (!this.isStopping) this.fork(role).catch(() => undefined);
    }, delay).unref();
  }

  private stop(signal: NodeJS.Signals): void {
    if (this.isStopping) return;
    this.isStopping = true;
    this.logger.info(`${signal}: draining ${this.roles.size} workers`);
    if (this.roles.size === 0) process.exit(0);
    this.killAll('SIGTERM');
    setTimeout(() => {
      this.killAll('SIGKILL');
    }, DRAIN_TIMEOUT_MS).unref();
  }

  private killAll(signal: NodeJS.Signals): void {
    for (const worker of this.roles.keys()) if (!worker.isDead()) worker.process.kill(signal);
  }

  private logStartupLine(port: number): void {
    const line = startupLine({
      version: appVersion(),
      host: this.config.app.host,
      port,
      databaseUrl: this.config.database.url,
      dataDir: this.config.app.dataDir,
      redisUrl: this.config.redis.url,
      isWorkerDisabled: this.config.app.isWorkerDisabled,
      storage: { settings: this.config.storage, uploadFolder: this.config.app.uploadFolder },
      processes: this.label,
    });
    this.logger.info({ ...line.fields, pid: process.pid }, line.message);
  }
}
