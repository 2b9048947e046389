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
