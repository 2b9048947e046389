import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';
import { bearer } from 'test/helpers/auth';
import { type ReferenceFixture, sharedFixturesDir } from 'test/helpers/gpx-fixtures';
import type { TestApp } from 'test/setup/test-app';

export interface UploadOptions {
  fileName?: string;
  data?: string | null;
  field?: string;
}

/** `POST /api/workouts` as a browser sends it: multipart `file` + `data` JSON string. */
export function postWorkoutFile(
  t: TestApp,
  token: string,
  content: Buffer | null,
  options: UploadOptions = {},
): request.Test {
  let req = request(t.http).post('/api/workouts').set(bearer(token));
  if (options.data !== null) req = req.field('data', options.data ?? '{"sport_id": 1}');
  if (content !== null)
    req = req.attach(options.field ?? 'file', content, options.fileName ?? 'workout.gpx');
  return req;
}

export function readSharedFixture(...path: string[]): Buffer {
  return readFileSync(join(sharedFixturesDir(), ...path));
}

export function referenceFixtures(): { name: string; gpx: Buffer; reference: ReferenceFixture }[] {
  const dir = join(sharedFixturesDir(), 'gpx');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((json) => {
      const name = json.slice(0, -'.json'.length);
      return {
        name,
        gpx: readFileSync(join(dir, `${name}.gpx`)),
        reference: JSON.parse(readFileSync(join(dir, json), 'utf8')) as ReferenceFixture,
      };
    });
}

/** Raises the admin upload limits (the shared fixtures include files over 1 MiB). */
export async function setUploadLimits(
  t: TestApp,
  limits: { maxSingleFileSize?: number; maxZipFileSize?: number; gpxLimitImport?: number },
): Promise<void> {
  await t.dataSource.query(
    `UPDATE app_config SET max_single_file_size = COALESCE($1, max_single_file_size),
       max_zip_file_size = COALESCE($2, max_zip_file_size),
       gpx_limit_import = COALESCE($3, gpx_limit_import)`,
    [
      limits.maxSingleFileSize ?? null,
      limits.maxZipFileSize ?? null,
      limits.gpxLimitImport ?? null,
    ],
  );
}

/** Every file under `dir`, relative, sorted (what an upload left on disk). */
export function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      try {
        return readdirSync(join(dir, name)).length < 0;
      } catch {
        return true;
      }
    })
    .sort();
}

export interface MultipartPart {
  name: string;
  value: Buffer | string;
  fileName?: string;
}

/** A hand-built multipart body, so that its exact Content-Length is known to the test. */
export function buildMultipart(parts: MultipartPart[]): { body: Buffer; contentType: string } {
  const boundary = '----pacekeeper-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.fileName === undefined ? '' : `; filename="${part.fileName}"`;
    const type = part.fileName === undefined ? '' : '\r\nContent-Type: application/octet-stream';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a hand-built multipart body to `POST /api/workouts`. */
export function postMultipart(t: TestApp, token: string, parts: MultipartPart[]): request.Test {
  const { body, contentType } = buildMultipart(parts);
  return request(t.http)
    .post('/api/workouts')
    .set(bearer(token))
    .set('Content-Type', contentType)
    .send(body);
}

/** Workouts rows and files left by a user: both must stay empty after a refused upload. */
export async function countWorkouts(t: TestApp, userId: number): Promise<number> {
  const rows = await t.dataSource.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM workouts WHERE user_id = $1`,
    [userId],
  );
  return Number(rows[0]?.n ?? 0);
}
