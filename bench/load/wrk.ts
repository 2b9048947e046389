import { execFileSync } from 'node:child_process';

import {
  cpuPerRequest,
  cpuSecondsByGroup,
  type ProcessGroup,
  reapedChildrenCpuSeconds,
} from './process-cpu';

export interface LoadResult {
  rps: number;
  /** Milliseconds. */
  p99: number;
  requests: number;
  /**
   * Microseconds of CPU per request, by process group (server, postgres, bare) and of the load
   * generator itself (load).
   */
  cpu: Record<string, number>;
}

/** wrk's duration notation (`850.00us`, `12.3ms`, `1.2s`) in milliseconds. */
function toMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (match === null) return NaN;
  const unit = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * unit;
}

/**
 * The 99th percentile of wrk's latency distribution (`--latency`), in milliseconds: its own
 * line, for a bare `99%` also ends a "+/- Stdev" column such as 89.99%.
 */
export function p99Of(output: string): number {
  return toMs(/^\s*99%\s+(\S+)\s*$/m.exec(output)?.[1] ?? '');
}

/** Throws where wrk is missing, saying how to get it. */
export function assertWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is fatal.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('wrk is not installed: apt-get install wrk (Debian package)');
  }
}

/**
 * wrk (C, epoll) against one URL: a load generator that costs the machine little, so that on
 * a small machine the server, not the client, is what saturates. Any non-2xx answer fails.
 */
export function wrk(
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /** Whose CPU time to count. */
    groups: ProcessGroup;
  },
): LoadResult {
  const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    // A slow answer on a busy machine is a latency to report, not a socket error to fail on.
    '--timeout',
    '10s',
    ...headers,
    url,
  ];
  const before = cpuSecondsByGroup(options.groups);
  const loadBefore = reapedChildrenCpuSeconds();
  const output = execFileSync('wrk', args, { encoding: 'utf8' });
  const loadSeconds = reapedChildrenCpuSeconds() - loadBefore;
  const after = cpuSecondsByGroup(options.groups);
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const failures = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(output)?.[1];
  if (failures > 0 || errors !== undefined)
    throw new Error(
      `${url}: ${failures} non-2xx answers${errors ? `, socket errors ${errors}` : ''}`,
    );
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p99: p99Of(output),
    requests,
    cpu: {
      ...cpuPerRequest(before, after, requests),
      load: Math.round((loadSeconds * 1e6) / Math.max(requests, 1)),
    },
  };
}
