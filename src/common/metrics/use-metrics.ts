import cluster from 'node:cluster';

import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chain } from 'src/common/http/middleware-chain';
import { noSniff } from 'src/common/http/response-headers';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import {
  AGGREGATED_CONTENT_TYPE,
  askPrimary,
  shareWithPrimary,
} from 'src/common/metrics/cluster-metrics';
import { httpMetricsMiddleware } from 'src/common/metrics/http-metrics';
import { METRICS_PATH, metricsHandler } from 'src/common/metrics/metrics-endpoint';
import type { AppConfig } from 'src/config/configuration';

/**
 * With METRICS_TOKEN set: times every request and serves `GET /metrics`
 * (docs/operations.md#metrics). Without it, nothing is mounted and `/metrics` is an unknown
 * route (404). Called first in setupApp, so that the timing covers parsing and logging too.
 */
export function useMetrics(app: NestExpressApplication): void {
  const token = app
    .get<ConfigService<AppConfig, true>>(ConfigService)
    .get('metrics.token', { infer: true });
  if (token === undefined) return;
  const metrics = app.get(AppMetrics);
  app.use(httpMetricsMiddleware(metrics));
  const render = cluster.isWorker
    ? async () => ({ contentType: AGGREGATED_CONTENT_TYPE, text: await askPrimary() })
    : async () => ({
        contentType: metrics.registry.contentType,
        text: await metrics.registry.metrics(),
      });
  if (cluster.isWorker) shareWithPrimary(metrics.registry);
  // A route of its own (not a Nest controller): no envelope, no API guards, and the request
  // metrics label it with its path like any other route. It answers ahead of setupApp's
  // common middleware, so it sets nosniff itself.
  app
    .getHttpAdapter()
    .getInstance()
    .get(METRICS_PATH, chain(noSniff, metricsHandler(token, render)));
}
