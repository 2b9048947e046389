import type { ProcessGroup } from './load/process-cpu';
import { type LoadResult, wrk } from './load/wrk';

export const CONNECTIONS = 16;
const WARM_UP_SECONDS = 1;

export interface Route {
  /** Short name the targets refer to (ping, list, …). */
  key: string;
  name: string;
  path: string;
  headers: Record<string, string>;
}

export interface RouteRow {
  mode: string;
  key: string;
  route: string;
  result: LoadResult;
  /** The bare Nest app's ping, req/s: the mean of the measurements right before and after. */
  bareRps: number;
  /**
   * How far those two bare measurements lie apart, as a share of their mean: the machine's
   * own change in speed across this measurement, which no ratio can take out.
   */
  bareDrift: number;
}

/**
 * Each route between two measurements of the bare Nest app's ping (bare, route, bare, route,
 * …, bare), every measurement after a short warm-up on the same URL: a route's reference is the
 * mean of the bare figures on either side of it, so that a machine getting busier or quieter
 * during the run moves the route and its reference alike. The warm-up also absorbs what the
 * previous load left running (wrk abandons its requests in flight when its time is up).
 */
export function measureRoutes(options: {
  mode: string;
  base: string;
  bareBase: string;
  routes: Route[];
  seconds: number;
  groups: ProcessGroup;
  /** Every bare measurement, for the bare row of the report. */
  bareResults: LoadResult[];
  onRow: (row: RouteRow) => void;
}): RouteRow[] {
  const { seconds, groups } = options;
  const measure = (url: string, headers: Record<string, string> = {}): LoadResult => {
    wrk(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers, groups });
    return wrk(url, { connections: CONNECTIONS, seconds, headers, groups });
  };
  const measureBare = (): LoadResult => {
    const result = measure(`${options.bareBase}/api/ping`);
    options.bareResults.push(result);
    return result;
  };
  const rows: RouteRow[] = [];
  let before = measureBare();
  for (const route of options.routes) {
    const result = measure(options.base + route.path, route.headers);
    const after = measureBare();
    const row = {
      mode: options.mode,
      key: route.key,
      route: route.name,
      result,
      bareRps: (before.rps + after.rps) / 2,
      bareDrift: Math.abs(before.rps - after.rps) / ((before.rps + after.rps) / 2),
    };
    rows.push(row);
    options.onRow(row);
    before = after;
  }
  return rows;
}
