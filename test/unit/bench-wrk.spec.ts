import { execFileSync } from 'node:child_process';

import { reapedChildrenCpuSeconds } from 'bench/load/process-cpu';
import { p99Of } from 'bench/load/wrk';

/** wrk 4.2's report with --latency, its Stdev column ending in 99%. */
function wrkOutput(p99: string, stdevShare = '89.99%'): string {
  return [
    'Running 8s test @ http://127.0.0.1:3000/api/workouts?per_page=10',
    '  1 threads and 16 connections',
    '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
    `    Latency     8.12ms    3.20ms  45.10ms   ${stdevShare}`,
    '    Req/Sec     1.98k   150.23     2.20k    70.00%',
    '  Latency Distribution',
    '     50%    7.50ms',
    '     75%    9.10ms',
    '     90%   11.20ms',
    `     99%   ${p99}`,
    '  15800 requests in 8.00s, 3.50MB read',
    'Requests/sec:   1975.00',
    'Transfer/sec:    448.00KB',
  ].join('\n');
}

describe('p99Of (wrk output)', () => {
  it('reads the distribution line, not a Stdev share ending in 99%', () => {
    expect(p99Of(wrkOutput('25.90ms'))).toBeCloseTo(25.9);
    expect(p99Of(wrkOutput('25.90ms', '99.99%'))).toBeCloseTo(25.9);
  });

  it('reads every unit wrk prints', () => {
    expect(p99Of(wrkOutput('850.00us'))).toBeCloseTo(0.85);
    expect(p99Of(wrkOutput('1.02s'))).toBeCloseTo(1020);
    expect(p99Of(wrkOutput('1.50m'))).toBeCloseTo(90_000);
  });

  it('is NaN without a distribution', () => {
    expect(p99Of('Requests/sec:   1975.00')).toBeNaN();
  });
});

describe("reapedChildrenCpuSeconds (the load generator's own CPU)", () => {
  it('reads cutime and cstime after a command name with spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    // proc(5): field 3 is the state; cutime and cstime are fields 16 and 17.
    fields[0] = 'S';
    fields[13] = '250';
    fields[14] = '75';
    expect(reapedChildrenCpuSeconds(`42 (node (x) y) ${fields.join(' ')}`)).toBeCloseTo(3.25);
  });

  it('grows by the CPU a child used once it has been waited for', () => {
    const before = reapedChildrenCpuSeconds();
    execFileSync(process.execPath, [
      '-e',
      'const end = Date.now() + 400; while (Date.now() < end);',
    ]);
    const used = reapedChildrenCpuSeconds() - before;
    expect(used).toBeGreaterThanOrEqual(0.3);
    expect(used).toBeLessThan(5);
  });
});
