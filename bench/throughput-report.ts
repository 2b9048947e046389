import type { LoadResult } from './load/wrk';
import type { RouteRow } from './throughput-routes';
import type { UploadResult } from './throughput-uploads';

export interface Machine {
  cores: number;
  cpuModel: string;
  loadAtStart: string;
  loadAtEnd: string;
  seconds: number;
}

export interface Results {
  single: RouteRow[];
  cluster: RouteRow[];
  bare: LoadResult[];
  uploads: UploadResult[];
}

const fixed = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';
const cpu = (result: { cpu: Record<string, number> }, group: string): string =>
  result.cpu[group] === undefined ? '–' : String(result.cpu[group]);
/**
 * Cores kept busy by the server, PostgreSQL and the load generator together: requests per
 * second times their CPU per request. Near the machine's core count, no more workers can add
 * throughput: a cluster can at most spread the same work over the cores left idle.
 */
const busyCores = (result: LoadResult): number =>
  (result.rps *
    ((result.cpu['server'] ?? 0) + (result.cpu['postgres'] ?? 0) + (result.cpu['load'] ?? 0))) /
  1e6;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function routeTable(results: Results): string[] {
  const lines = [
    '| mode | route | req/s | p99 | bare Nest ping req/s | ratio to bare | cluster ÷ 1 process | server CPU µs/req | PostgreSQL CPU µs/req | wrk CPU µs/req | cores busy (server + PostgreSQL + wrk) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const bare = results.bare;
  const bareRps = bare.reduce((sum, result) => sum + result.rps, 0) / Math.max(bare.length, 1);
  const bareCpu = median(bare.map((result) => result.cpu['bare'] ?? NaN));
  const bareLoad = median(bare.map((result) => result.cpu['load'] ?? NaN));
  lines.push(
    `| bare Nest app (1 process), mean of ${bare.length} | \`GET /api/ping\` | ${fixed(bareRps)} | ` +
      `${fixed(median(bare.map((result) => result.p99)), 1)} ms | ${fixed(bareRps)} | 1.00 | – | ` +
      `${fixed(bareCpu)} | – | ${fixed(bareLoad)} | ${fixed((bareRps * (bareCpu + bareLoad)) / 1e6, 2)} |`,
  );
  for (const row of [...results.single, ...results.cluster]) {
    const single = results.single.find((other) => other.key === row.key);
    const scaling =
      results.cluster.includes(row) && single !== undefined
        ? `${fixed(row.result.rps / single.result.rps, 2)}×`
        : '–';
    lines.push(
      `| ${row.mode} | \`${row.route}\` | ${fixed(row.result.rps)} | ${fixed(row.result.p99, 1)} ms | ` +
        `${fixed(row.bareRps)} | ${fixed(row.result.rps / row.bareRps, 2)} | ${scaling} | ` +
        `${cpu(row.result, 'server')} | ${cpu(row.result, 'postgres')} | ${cpu(row.result, 'load')} | ` +
        `${fixed(busyCores(row.result), 2)} |`,
    );
  }
  return lines;
}

function uploadTable(results: Results, points: number): string[] {
  const lines = [
    `| mode | upload of ${points.toLocaleString('en')} points, median of 5 | uploads/s at 16 connections | p99 | server CPU ms/upload | PostgreSQL CPU ms/upload |`,
    '|---|---:|---:|---:|---:|---:|',
  ];
  const ms = (result: UploadResult, group: string): string =>
    fixed((result.cpu[group] ?? NaN) / 1000);
  for (const result of results.uploads)
    lines.push(
      `| ${result.mode} | ${fixed(result.singleMedianMs)} ms | ${fixed(result.concurrentRps, 1)} | ` +
        `${fixed(result.concurrentP99Ms)} ms | ${ms(result, 'server')} | ${ms(result, 'postgres')} |`,
    );
  return lines;
}

/** Beyond this drift of the bare reference, a verdict says that the machine itself moved. */
const UNSTEADY_DRIFT = 0.15;

/**
 * A warning for the verdicts that compare `rows`, when the bare reference of one of them moved
 * by more than UNSTEADY_DRIFT across its measurement: the host's load changed meanwhile, and
 * the verdict should be measured again rather than believed.
 */
function steadiness(rows: readonly RouteRow[]): string {
  const worst = Math.max(...rows.map((row) => row.bareDrift));
  return worst > UNSTEADY_DRIFT
    ? `; **unsteady**: the bare reference moved ${fixed(worst * 100)} % across a measurement`
    : '';
}

/**
 * A warning for the verdicts that use one-process measurements, when the one-process ping cost
 * the server less CPU than the bare app's: the server does all the bare app does and more, so
 * the cores ran at different speeds across the measurements (seen on a shared 2-core host:
 * every one-process route of a run at about half the CPU per request of other runs). Ratios
 * to ping and to one process are then off.
 */
function coreSpeed(results: Results): string {
  const ping = results.single.find((row) => row.key === 'ping')?.result.cpu['server'];
  const bare = median(results.bare.map((result) => result.cpu['bare'] ?? NaN));
  return ping !== undefined && ping < bare
    ? `; **unsteady**: the one-process ping took ${fixed(ping)} µs of server CPU, the bare ` +
        `app's ${fixed(bare)} µs`
    : '';
}

/**
 * The most a cluster could reach on this machine against one process: the cores left idle
 * by one process, filled with the same work at the same CPU per request. Every process on the
 * machine shares its cores, the load generator too; a route whose one process already keeps
 * most of them busy cannot scale, however many workers serve it.
 */
function clusterCeiling(one: LoadResult, cores: number): string {
  const ceiling = cores / busyCores(one);
  return `at most ${fixed(ceiling, 2)}× on ${cores} cores at 1 process's CPU per request`;
}

/** One "met" or "not met" line; `detail` says what the figure is measured on. */
function target(label: string, met: boolean, detail: string): string {
  return `- ${met ? 'met' : '**not met**'}: ${label}: ${detail}`;
}

/**
 * The targets. Ratios between two measurements (profile against ping, cluster against
 * one process) are judged on the raw req/s; the same ratio corrected by each measurement's bare
 * reference follows in brackets, to tell a real difference from a machine that got busier.
 */
function targets(results: Results, cores: number): string[] {
  const single = (key: string): RouteRow | undefined => results.single.find((r) => r.key === key);
  const cluster = (key: string): RouteRow | undefined => results.cluster.find((r) => r.key === key);
  const relative = (a: RouteRow, b: RouteRow): number => a.result.rps / b.result.rps;
  const adjusted = (a: RouteRow, b: RouteRow): number =>
    a.result.rps / a.bareRps / (b.result.rps / b.bareRps);
  const lines: string[] = [];
  const fasterCores = coreSpeed(results);
  const ping = single('ping');
  if (ping !== undefined) {
    const ratio = ping.result.rps / ping.bareRps;
    lines.push(
      target(
        '`GET /api/ping` ≥ 0.67× bare Nest (1 process)',
        ratio >= 0.67,
        `${fixed(ratio, 2)}×${steadiness([ping])}${fasterCores}`,
      ),
    );
    for (const key of ['profile0', 'profile']) {
      const profile = single(key);
      if (profile === undefined) continue;
      lines.push(
        target(
          `\`${profile.route}\` ≥ 0.6× ping (1 process)`,
          relative(profile, ping) >= 0.6,
          `${fixed(relative(profile, ping), 2)}× (bare-adjusted ${fixed(adjusted(profile, ping), 2)}×)` +
            steadiness([profile, ping]) +
            fasterCores,
        ),
      );
    }
  }
  const mode = results.cluster[0]?.mode ?? 'cluster';
  for (const [key, minimum] of [
    ['list', 210],
    ['stats', 670],
  ] as const) {
    const one = single(key);
    const many = cluster(key);
    if (one === undefined || many === undefined) continue;
    lines.push(
      target(
        `\`${many.route}\` ${mode} ≥ 1.7× 1 process`,
        relative(many, one) >= 1.7,
        `${fixed(relative(many, one), 2)}× (bare-adjusted ${fixed(adjusted(many, one), 2)}×); ` +
          `server, PostgreSQL and wrk kept ${fixed(busyCores(one.result), 2)} of ${cores} cores ` +
          `busy in 1 process, ${fixed(busyCores(many.result), 2)} in the ${mode}: ` +
          `${clusterCeiling(one.result, cores)}${steadiness([one, many])}${fasterCores}`,
      ),
      target(
        `\`${many.route}\` ≥ ${minimum} req/s with p99 ≤ 100 ms (${mode})`,
        many.result.rps >= minimum && many.result.p99 <= 100,
        `${fixed(many.result.rps)} req/s, p99 ${fixed(many.result.p99, 1)} ms${steadiness([many])}`,
      ),
    );
  }
  for (const result of results.uploads)
    lines.push(
      target(
        `upload ≤ 0.5 s (${result.mode})`,
        result.singleMedianMs <= 500,
        `median ${fixed(result.singleMedianMs)} ms`,
      ),
    );
  return lines;
}

/** The Markdown for the README: the machine, the route and upload tables, the targets. */
export function report(results: Results, machine: Machine, points: number): string {
  return [
    `${machine.cores} cores (${machine.cpuModel}), load average (1 / 5 / 15 min) ${machine.loadAtStart} at the ` +
      `start and ${machine.loadAtEnd} at the end; wrk, 16 connections, ${machine.seconds} s per ` +
      'measurement after 1 s of warm-up; CPU per request read from /proc (wrk: its own, as a child of the bench).',
    '',
    ...routeTable(results),
    '',
    ...uploadTable(results, points),
    '',
    'Targets:',
    '',
    ...targets(results, machine.cores),
  ].join('\n');
}
