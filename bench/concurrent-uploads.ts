import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { toStoredFigures } from 'src/workouts/gpx/stored-figures';
import { createUser } from 'test/helpers/factories';
import { syntheticGpx } from 'test/helpers/synthetic-gpx';
import type { DataSource } from 'typeorm';

import { login, multipartBody, upload } from './upload-client';

const UPLOADS = 20;
const POINTS = 10_000;
const OPTIONS = { stoppedSpeedThreshold: 1, useRawGpxSpeed: false };

interface UploadedWorkout {
  distance: number;
  ave_speed: number;
  max_speed: number;
}

/**
 * Issue 6: 20 concurrent uploads of different 10,000-point files by one user complete without
 * error, each workout carries its own figures (as analysed here), and the records name the
 * best ones (all written under the same per-user lock).
 */
export async function concurrentUploads(
  base: string,
  dataSource: DataSource,
): Promise<Record<string, unknown>> {
  const user = await createUser(dataSource);
  const token = await login(base, user.email);
  const files = Array.from({ length: UPLOADS }, (_, i) =>
    syntheticGpx({ points: POINTS, seed: i, start: new Date(Date.UTC(2024, 0, 1 + i, 6)) }),
  );
  const expected = await Promise.all(
    files.map(async (gpx) => toStoredFigures(await analyzeGpx(gpx, OPTIONS))),
  );
  const url = new URL(`${base}/api/workouts`);
  const started = performance.now();
  const answers = await Promise.all(
    files.map(async (gpx, i) => {
      const sent = performance.now();
      const answer = await upload(url, token, multipartBody(gpx, `run-${i}.gpx`));
      return { ...answer, ms: performance.now() - sent };
    }),
  );
  const wallMs = performance.now() - started;
  const created = answers.filter((answer) => answer.status === 201);
  const rightFigures = created.filter((answer, i) => {
    const workout = (JSON.parse(answer.body) as { data: { workouts: UploadedWorkout[] } }).data
      .workouts[0];
    const figures = expected[i];
    return (
      workout?.distance === figures?.distance &&
      workout?.ave_speed === figures?.aveSpeed &&
      workout?.max_speed === figures?.maxSpeed
    );
  });
  const recordsRight = await areRecordsRight(base, token, expected);
  return {
    benchmark: `${UPLOADS} concurrent uploads, ${POINTS}-point GPX files`,
    created: created.length,
    right_figures: rightFigures.length,
    records_right: recordsRight,
    wall_ms: Math.round(wallMs),
    slowest_ms: Math.round(Math.max(...answers.map((answer) => answer.ms))),
    ok: created.length === UPLOADS && rightFigures.length === UPLOADS && recordsRight,
  };
}

async function areRecordsRight(
  base: string,
  token: string,
  expected: { distance: number; aveSpeed: number; maxSpeed: number }[],
): Promise<boolean> {
  const response = await fetch(`${base}/api/records`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const records = (
    (await response.json()) as { data: { records: { record_type: string; value: number }[] } }
  ).data.records;
  const value = (type: string): number | undefined =>
    records.find((record) => record.record_type === type)?.value;
  return (
    value('FD') === Math.max(...expected.map((f) => f.distance)) &&
    value('AS') === Math.max(...expected.map((f) => f.aveSpeed)) &&
    value('MS') === Math.max(...expected.map((f) => f.maxSpeed))
  );
}
