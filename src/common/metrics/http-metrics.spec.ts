import { EventEmitter } from 'node:events';

import type { ConfigService } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import { httpMetricsMiddleware } from 'src/common/metrics/http-metrics';
import type { AppConfig } from 'src/config/configuration';

function answer(
  middleware: ReturnType<typeof httpMetricsMiddleware>,
  method: string,
  route: string | undefined,
  status: number,
): void {
  const response = Object.assign(new EventEmitter(), { statusCode: status });
  const request = { method, baseUrl: '', route: route === undefined ? undefined : { path: route } };
  middleware(
    request as Request,
    response as unknown as Response,
    (() => undefined) as NextFunction,
  );
  response.emit('finish');
}

describe('httpMetricsMiddleware', () => {
  const config = { get: () => undefined } as unknown as ConfigService<AppConfig, true>;

  it('labels by route template, status class and a bounded set of methods', async () => {
    const metrics = new AppMetrics(config);
    const middleware = httpMetricsMiddleware(metrics);
    answer(middleware, 'GET', '/api/workouts/:workout_id', 200);
    answer(middleware, 'GET', '/api/workouts/:workout_id', 404);
    answer(middleware, 'GET', '/api/workouts/:workout_id', 200);
    answer(middleware, 'PROPFIND', undefined, 404);
    answer(middleware, 'GET', '/api/{*path}', 404);
    const values = (await metrics.httpRequests.get()).values.map((v) => [v.labels, v.value]);
    expect(values).toEqual([
      [{ method: 'GET', route: '/api/workouts/:workout_id', status_class: '2xx' }, 2],
      [{ method: 'GET', route: '/api/workouts/:workout_id', status_class: '4xx' }, 1],
      [{ method: 'OTHER', route: 'unmatched', status_class: '4xx' }, 1],
      [{ method: 'GET', route: 'unmatched', status_class: '4xx' }, 1],
    ]);
    const durations = await metrics.httpDuration.get();
    const count = durations.values.find(
      (v) =>
        v.metricName === 'pacekeeper_http_request_duration_seconds_count' &&
        v.labels['route'] === '/api/workouts/:workout_id',
    );
    expect(count?.value).toBe(3);
  });
});
