import { report, type Results } from 'bench/throughput-report';
import type { RouteRow } from 'bench/throughput-routes';

const MACHINE = { cores: 2, cpuModel: 'cpu', loadAtStart: '0', loadAtEnd: '0', seconds: 8 };

function row(key: string, mode: string, rps: number, bareDrift = 0.02, server = 200): RouteRow {
  return {
    mode,
    key,
    route: `GET /${key}`,
    result: { rps, p99: 10, requests: rps * 8, cpu: { server, postgres: 100 } },
    bareRps: 5000,
    bareDrift,
  };
}

function results(pingDrift: number, profileDrift: number, pingCpu = 200): Results {
  return {
    single: [
      row('ping', '1 process', 4000, pingDrift, pingCpu),
      row('profile', '1 process', 2000, profileDrift),
      row('list', '1 process', 1000),
    ],
    cluster: [row('list', 'cluster of 2', 1800)],
    bare: [{ rps: 5000, p99: 9, requests: 40_000, cpu: { bare: 180 } }],
    uploads: [],
  };
}

const verdicts = (text: string, label: string): string[] =>
  text.split('\n').filter((line) => line.includes(label));

describe('bench report: verdicts on a moving machine', () => {
  it('judges on steady measurements without a warning', () => {
    const text = report(results(0.05, 0.1), MACHINE, 100_000);
    expect(verdicts(text, '≥ 0.6× ping')).toEqual([
      '- **not met**: `GET /profile` ≥ 0.6× ping (1 process): 0.50× (bare-adjusted 0.50×)',
    ]);
    expect(text).not.toContain('unsteady');
    expect(verdicts(text, '≥ 1.7× 1 process')[0]).toMatch(/^- met: .*1\.80×/);
  });

  it('says when the bare reference moved beyond 15 % across a compared measurement', () => {
    const text = report(results(0.02, 0.3), MACHINE, 100_000);
    const [profile] = verdicts(text, '≥ 0.6× ping');
    expect(profile).toContain('**unsteady**: the bare reference moved 30 % across a measurement');
    const [ping] = verdicts(text, '≥ 0.67× bare Nest');
    expect(ping).not.toContain('unsteady');
  });

  it('says when the one-process ping cost less server CPU than the bare app', () => {
    const text = report(results(0.02, 0.02, 90), MACHINE, 100_000);
    const warning = '**unsteady**: the one-process ping took 90 µs of server CPU, the bare app';
    for (const label of ['≥ 0.67× bare Nest', '≥ 0.6× ping', '≥ 1.7× 1 process'])
      expect(verdicts(text, label)[0]).toContain(warning);
    expect(verdicts(text, '≥ 210 req/s')[0]).not.toContain('unsteady');
  });
});

describe('bench report: what a cluster could reach', () => {
  /** The run of `results`, its one-process list at `rps` with CPU per request `cpu`. */
  function withList(rps: number, cpu: Record<string, number>): Results {
    const data = results(0.02, 0.02);
    const list = row('list', '1 process', rps);
    data.single[2] = { ...list, result: { ...list.result, cpu } };
    return data;
  }

  it('counts the load generator among what keeps the cores busy', () => {
    // 1,000 req/s × (200 + 100 + 500) µs = 0.8 of 2 cores busy.
    const text = report(withList(1000, { server: 200, postgres: 100, load: 500 }), MACHINE, 1);
    const [cluster] = verdicts(text, '≥ 1.7× 1 process');
    expect(cluster).toContain('server, PostgreSQL and wrk kept 0.80 of 2 cores busy in 1 process');
    expect(cluster).toContain('at most 2.50× on 2 cores');
    expect(text).toContain(
      '| 1 process | `GET /list` | 1000 | 10.0 ms | 5000 | 0.20 | – | 200 | 100 | 500 | 0.80 |',
    );
  });

  it('puts the ceiling below the target when one process already keeps the cores busy', () => {
    const text = report(withList(4000, { server: 250, postgres: 150, load: 30 }), MACHINE, 1);
    const [cluster] = verdicts(text, '≥ 1.7× 1 process');
    expect(cluster).toContain('kept 1.72 of 2 cores busy');
    expect(cluster).toContain('at most 1.16× on 2 cores');
  });
});
