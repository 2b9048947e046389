import { cpuPerRequest, cpuSecondsByGroup, type ProcessGroup } from './load/process-cpu';
import { CONNECTIONS } from './throughput-routes';
import { upload } from './upload-client';

export interface UploadResult {
  mode: string;
  /** Milliseconds: the median of single uploads, one at a time. */
  singleMedianMs: number;
  /** Uploads per second with CONNECTIONS uploads always in flight. */
  concurrentRps: number;
  concurrentP99Ms: number;
  /** Microseconds of CPU per upload, by process group, under the concurrent load. */
  cpu: Record<string, number>;
}

type Body = { body: Buffer; contentType: string };

const SINGLE_UPLOADS = 5;
const UPLOADS_PER_CONNECTION = Number(process.env['BENCH_UPLOADS_PER_CONNECTION'] ?? 2);

async function timedUpload(url: URL, token: string, body: Body): Promise<number> {
  const started = performance.now();
  const { status, body: answer } = await upload(url, token, body);
  if (status !== 201) throw new Error(`upload: HTTP ${status} ${answer.slice(0, 200)}`);
  return performance.now() - started;
}

/** Nearest-rank percentile of unsorted values. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * `POST /api/workouts` of one large GPX: first one at a time (a warm-up, then the median of
 * five), then CONNECTIONS clients each sending UPLOADS_PER_CONNECTION uploads back to back.
 * A fixed number of uploads rather than a fixed duration: an upload lasts seconds at 16
 * connections, and a load generator that counts only the answers received within its
 * duration (wrk, autocannon) would count few or none of them. The body is encoded once and
 * written as it is, so the client costs the machine little next to the server's parsing.
 */
export async function measureUploads(options: {
  mode: string;
  base: string;
  token: string;
  body: Body;
  groups: ProcessGroup;
}): Promise<UploadResult> {
  const url = new URL(`${options.base}/api/workouts`);
  const { token, body } = options;
  await timedUpload(url, token, body);
  const singles: number[] = [];
  for (let i = 0; i < SINGLE_UPLOADS; i++) singles.push(await timedUpload(url, token, body));

  const latencies: number[] = [];
  const before = cpuSecondsByGroup(options.groups);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = 0; i < UPLOADS_PER_CONNECTION; i++)
        latencies.push(await timedUpload(url, token, body));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = cpuSecondsByGroup(options.groups);
  return {
    mode: options.mode,
    singleMedianMs: percentile(singles, 50),
    concurrentRps: latencies.length / seconds,
    concurrentP99Ms: percentile(latencies, 99),
    cpu: cpuPerRequest(before, after, latencies.length),
  };
}
