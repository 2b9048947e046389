import type { NextFunction, Request, Response } from 'express';
import type { Counter, Histogram } from 'prom-client';
import type { AppMetrics } from 'src/common/metrics/app-metrics';

/** Anything else (WebDAV verbs, made-up methods) is one label value: the label set stays small. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Requests no route matched (404s of made-up paths, requests refused before routing). */
const UNMATCHED_ROUTE = 'unmatched';

interface Series {
  requests: Counter.Internal;
  duration: Histogram.Internal<'method' | 'route'>;
}

/**
 * The route template Express matched (`/api/workouts/:workout_id`), never the raw URL: the
 * number of series is bounded by the number of routes, whatever clients request. A wildcard
 * template is the request logger's catch-all middleware, left as the route of a request that
 * no handler took.
 */
function routeOf(request: Request): string {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && !path.includes('{*')
    ? `${request.baseUrl}${path}`
    : UNMATCHED_ROUTE;
}

/**
 * Counts and times every request once its answer is sent. The labelled children are looked up
 * in a map rather than built from a label object each time: per request this costs a timer
 * read, one closure and two map lookups.
 */
export function httpMetricsMiddleware(
  metrics: AppMetrics,
): (request: Request, response: Response, next: NextFunction) => void {
  const series = new Map<string, Series>();
  const seriesOf = (method: string, route: string, statusClass: string): Series => {
    const key = `${method} ${statusClass} ${route}`;
    let found = series.get(key);
    if (found === undefined) {
      found = {
        requests: metrics.httpRequests.labels(method, route, statusClass),
        duration: metrics.httpDuration.labels(method, route),
      };
      series.set(key, found);
    }
    return found;
  };
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(request.method) ? request.method : 'OTHER';
      const { requests, duration } = seriesOf(
        method,
        routeOf(request),
        `${Math.floor(response.statusCode / 100)}xx`,
      );
      requests.inc();
      duration.observe(seconds);
    });
    next();
  };
}
