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
