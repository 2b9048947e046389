import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client';
import type { AppConfig } from 'src/config/configuration';

/** Seconds: from a cached `GET /api/ping` to a large upload. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Bytes: a short ride's GPX (tens of KB) to a zip at the default 10 MB limit and beyond. */
const SIZE_BUCKETS = [1e4, 1e5, 5e5, 1e6, 2.5e6, 5e6, 1e7, 2.5e7, 5e7, 1e8];
const ANALYSIS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The server's Prometheus metrics (docs/operations.md#metrics), in a registry of this
 * application (not prom-client's global one), so every application in a process keeps its own.
 * The metrics exist whether or not `METRICS_TOKEN` exposes them: recording an upload or a job is
 * cheap; only the per-request timing and the process metrics are skipped when off.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();
  readonly isEnabled: boolean;

  readonly httpRequests = this.counter({
    name: 'pacekeeper_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status class (2xx, 4xx…).',
    labelNames: ['method', 'route', 'status_class'],
  });

  readonly httpDuration = new Histogram({
    name: 'pacekeeper_http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its answer, by method and route template.',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly uploadBytes = new Histogram({
    name: 'pacekeeper_workout_upload_bytes',
    help: 'Size of the workout files received by POST /api/workouts, by file type.',
    labelNames: ['type'],
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });

  readonly analysisSeconds = new Histogram({
    name: 'pacekeeper_workout_file_analysis_seconds',
    help: 'Time to convert, parse and analyse one workout file (each file of a zip), by format.',
    labelNames: ['format'],
    buckets: ANALYSIS_BUCKETS,
    registers: [this.registry],
  });

  readonly jobFailures = this.counter({
    name: 'pacekeeper_jobs_failed_total',
    help: 'Background job runs that failed (each retry counts), by job name.',
    labelNames: ['job'],
  });

  constructor(config: ConfigService<AppConfig, true>) {
    this.isEnabled = config.get('metrics.token', { infer: true }) !== undefined;
    if (this.isEnabled) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * A gauge read when scraped: `read` returns the value of each label set, or undefined to
   * leave the gauge empty (e.g. a queue whose Redis does not answer).
   */
  gauge(
    name: string,
    help: string,
    labelName: string,
    read: () => Promise<Record<string, number> | undefined> | Record<string, number> | undefined,
    aggregator: 'sum' | 'max' = 'sum',
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [labelName],
      registers: [this.registry],
      aggregator,
      async collect(): Promise<void> {
        this.reset();
        const values = await read();
        for (const [label, value] of Object.entries(values ?? {}))
          this.set({ [labelName]: label }, value);
      },
    });
  }

  private counter<L extends string>(configuration: CounterConfiguration<L>): Counter<L> {
    return new Counter({ ...configuration, registers: [this.registry] });
  }
}
