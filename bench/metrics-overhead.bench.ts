/**
 * `npm run bench:metrics`: what the request metrics cost. First the CPU time of the request
 * middleware alone, per request (independent of the machine's load). Then two built servers
 * (`node dist/main.js`), each in its own process on its own scratch database, one without and
 * one with METRICS_TOKEN; `GET /api/ping` is loaded with autocannon on each in turn, several
 * alternating rounds (so that a change of machine load hits both), then `/metrics` is scraped.
 * BENCH_ROUNDS (default 4), BENCH_DURATION seconds per round (default 5), BENCH_CONNECTIONS
 * (default 10).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

import type { ConfigService } from '@nestjs/config';
import autocannon from 'autocannon';
import type { Request, Response } from 'express';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import { httpMetricsMiddleware } from 'src/common/metrics/http-metrics';
import type { AppConfig } from 'src/config/configuration';

import { withServerProcess } from './server-process';

const TOKEN = 'bench-metrics-token-long-enough';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);

interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** The server's CPU time per request, µs: unlike req/s, hardly moved by other processes. */
  cpuUs: number;
}

/** User + system CPU time of a process, µs (from /proc: clock ticks of 10 ms). */
function cpuTimeUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function ping(server: { base: string; pid: number }): Promise<Round> {
  const cpu = cpuTimeUs(server.pid);
  const result = await autocannon({
    url: `${server.base}/api/ping`,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  if (result.errors + result.non2xx > 0) throw new Error(`${server.base}: errors while pinging`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs: (cpuTimeUs(server.pid) - cpu) / result.requests.total,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function summary(rounds: Round[]): string {
  const rps = rounds.map((r) => r.rps.toFixed(0)).join(', ');
  return (
    `median ${median(rounds.map((r) => r.rps)).toFixed(0)} req/s (rounds: ${rps}), ` +
    `latency median ${median(rounds.map((r) => r.p50))} ms, p99 ${median(rounds.map((r) => r.p99))} ms, ` +
    `server CPU median ${median(rounds.map((r) => r.cpuUs)).toFixed(0)} µs per request ` +
    `(rounds: ${rounds.map((r) => r.cpuUs.toFixed(0)).join(', ')})`
  );
}

/** CPU microseconds the middleware adds to one request: timer, listener, two increments. */
function middlewareCost(requests = 300_000): number {
  const config = { get: () => undefined } as unknown as ConfigService<AppConfig, true>;
  const middleware = httpMetricsMiddleware(new AppMetrics(config));
  const routes = ['/api/ping', '/api/workouts', '/api/workouts/:workout_id', '/api/records'];
  const run = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const response = Object.assign(new EventEmitter(), { statusCode: 200 });
      const request = { method: 'GET', baseUrl: '', route: { path: routes[i % routes.length] } };
      middleware(request as Request, response as unknown as Response, () => undefined);
      response.emit('finish');
    }
  };
  const baseline = (count: number): void => {
    for (let i = 0; i < count; i++) new EventEmitter().emit('finish');
  };
  run(20_000); // warm-up
  const cpu = (work: () => void): number => {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    return used.user + used.system;
  };
  const withMiddleware = cpu(() => {
    run(requests);
  });
  const without = cpu(() => {
    baseline(requests);
  });
  return (withMiddleware - without) / requests;
}

async function main(): Promise<void> {
  console.log(
    `request middleware: ${middlewareCost().toFixed(2)} µs of CPU per request (300,000 requests)`,
  );
  console.log(
    `metrics overhead: ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)}, ` +
      `${ROUNDS} rounds of ${DURATION}s, ${CONNECTIONS} connections, GET /api/ping`,
  );
  await withServerProcess({}, (off) =>
    withServerProcess({ METRICS_TOKEN: TOKEN }, async (on) => {
      const offRounds: Round[] = [];
      const onRounds: Round[] = [];
      await ping(off); // warm-up: JIT, pool
      await ping(on);
      // Alternating which goes first, so that neither always follows the other.
      for (let i = 0; i < ROUNDS; i++) {
        if (i % 2 === 0) offRounds.push(await ping(off));
        onRounds.push(await ping(on));
        if (i % 2 === 1) offRounds.push(await ping(off));
      }
      const started = performance.now();
      const scrape = await fetch(`${on.base}/metrics`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const text = await scrape.text();
      const scrapeMs = performance.now() - started;
      if (scrape.status !== 200) throw new Error(`/metrics answered ${scrape.status}`);
      console.log(`metrics off: ${summary(offRounds)}`);
      console.log(`metrics on:  ${summary(onRounds)}`);
      const ratio = median(onRounds.map((r) => r.rps)) / median(offRounds.map((r) => r.rps));
      console.log(`on / off: ${(ratio * 100).toFixed(1)} % of the requests per second`);
      console.log(
        `one scrape: ${scrapeMs.toFixed(1)} ms, ${(text.length / 1024).toFixed(1)} KiB, ` +
          `${text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length} samples`,
      );
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
