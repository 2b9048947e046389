/**
 * GPX analysis throughput and memory (issue 6 targets: ≥ 60 MB/s and peak RSS ≤ 300 MB on the
 * 1,000,000-point synthetic file). The gzip fixture is inflated into a temp file first; the
 * analysis then streams that file as an upload would.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/gpx-analysis.bench.ts [runs]
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { sharedFixturesDir } from 'test/helpers/gpx-fixtures';

const SOURCE = path.join(sharedFixturesDir(), 'hostile', '10_synthetic_1e6_points.gpx.gz');

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gpx-bench-'));
  const file = path.join(dir, 'synthetic.gpx');
  try {
    await pipeline(createReadStream(SOURCE), createGunzip(), createWriteStream(file));
    const bytes = statSync(file).size;
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
    }, 20);
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    let points = 0;
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      const analysis = await analyzeGpx(createReadStream(file, { highWaterMark: 1 << 20 }), {
        stoppedSpeedThreshold: 1,
        useRawGpxSpeed: false,
      });
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const used = process.cpuUsage(cpu);
      cpuSeconds.push((used.user + used.system) / 1e6);
      points = Math.round(analysis.durationSeconds) + 1;
    }
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS / 1024);
    const best = Math.min(...seconds);
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)] ?? best;
    const mb = bytes / 1e6;
    console.log(
      `gpx analysis: ${path.basename(SOURCE)} inflated, ${mb.toFixed(1)} MB, ~${points} points`,
    );
    console.log(
      `cores: ${os.cpus().length}, load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `runs (s): ${seconds.map((s) => s.toFixed(2)).join(', ')}; cpu (s): ${cpuSeconds.map((s) => s.toFixed(2)).join(', ')}`,
    );
    console.log(
      `throughput: best ${(mb / best).toFixed(1)} MB/s, median ${(mb / median).toFixed(1)} MB/s (target ≥ 60)`,
    );
    console.log(`throughput per cpu-second: ${(mb / Math.min(...cpuSeconds)).toFixed(1)} MB/s`);
    console.log(
      `peak RSS: ${peakRss.toFixed(0)} MB (before analysis ${rssBefore.toFixed(0)} MB; target ≤ 300)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
