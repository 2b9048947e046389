import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { formatTimedelta } from 'src/common/format/timedelta';
import { analyzeGpx } from 'src/workouts/gpx/analyze-gpx';
import { analyzeParsedGpx } from 'src/workouts/gpx/gpx-analysis';
import { GPX_ERROR_MESSAGES } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { GpxAnalysis, GpxFigures } from 'src/workouts/gpx/gpx-types';
import { type StoredGpxFigures, toStoredFigures } from 'src/workouts/gpx/stored-figures';
import { gpxWorkoutTitle } from 'src/workouts/gpx/workout-title';
import {
  type ReferenceFigures,
  type ReferenceFixture,
  sharedFixturesDir,
} from 'test/helpers/gpx-fixtures';

const GPX_DIR = path.join(sharedFixturesDir(), 'gpx');
const fixtures = readdirSync(GPX_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(GPX_DIR, f), 'utf8')) as ReferenceFixture);

function expectClose(actual: number | null, expected: number | null, label: string): void {
  if (expected === null || actual === null) {
    expect({ [label]: actual }).toEqual({ [label]: expected });
    return;
  }
  const tolerance = 1e-6 * Math.max(Math.abs(expected), 1e-9);
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`${label}: got ${actual}, FitTrackee ${expected}`);
  }
}

function expectFigures(f: GpxFigures, raw: GpxFigures, ref: ReferenceFigures, at: string): void {
  expectClose(f.durationSeconds, ref.duration_s, `${at} duration`);
  expectClose(f.movingSeconds, ref.moving_time_s, `${at} moving`);
  expectClose(f.pausesSeconds, ref.stop_time_s, `${at} pauses`);
  expectClose(f.distanceKm, ref.distance_km, `${at} distance`);
  expectClose(f.aveSpeedKmh, ref.average_speed_kmh, `${at} ave_speed`);
  expectClose(f.maxSpeedKmh, ref.max_speed_kmh, `${at} max_speed`);
  expectClose(raw.maxSpeedKmh, ref.max_speed_kmh_use_raw_gpx_speed, `${at} raw max_speed`);
  expectClose(f.ascent, ref.uphill_m, `${at} ascent`);
  expectClose(f.descent, ref.downhill_m, `${at} descent`);
  expectClose(f.minAltitude, ref.elevation_min_m, `${at} min_alt`);
  expectClose(f.maxAltitude, ref.elevation_max_m, `${at} max_alt`);
}

/**
 * The API view of stored values (FitTrackee `GET /api/workouts/<workout_id>`): workout pauses and
 * all segment falsy values → null.
 */
function apiView(s: StoredGpxFigures, isSegment: boolean): Record<string, string | number | null> {
  const text = (seconds: number): string | null =>
    seconds === 0 && isSegment ? null : formatTimedelta(seconds);
  const value = (v: number | null): number | null => (isSegment && v === 0 ? null : v);
  return {
    duration: text(s.duration),
    pauses: s.pauses === 0 ? null : formatTimedelta(s.pauses),
    moving: text(s.moving),
    distance: value(s.distance),
    min_alt: value(s.minAlt),
    max_alt: value(s.maxAlt),
    descent: value(s.descent),
    ascent: value(s.ascent),
    max_speed: value(s.maxSpeed),
    ave_speed: value(s.aveSpeed),
  };
}

describe('GPX analysis against FitTrackee v0.7.32 figures (fixtures/gpx)', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(24);
  });

  describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (file, fixture) => {
    const content = readFileSync(path.join(GPX_DIR, file));

    it.each(Object.entries(fixture.sports))('%s threshold', async (sport, reference) => {
      const ref = reference.result;
      const threshold = reference.stopped_speed_threshold_kmh;
      const parsed = await parseGpx(content);
      const filtered = analyzeParsedGpx(parsed, {
        stoppedSpeedThreshold: threshold,
        useRawGpxSpeed: false,
      });
      const raw = analyzeParsedGpx(parsed, {
        stoppedSpeedThreshold: threshold,
        useRawGpxSpeed: true,
      });

      expectFigures(filtered, raw, ref, 'workout');
      expectClose(filtered.gapsSeconds, ref.stopped_time_between_segments_s, 'gaps');
      expect(filtered.bounds).toEqual(ref.bounds);
      expect(filtered.segments).toHaveLength(ref.segments_nb);
      expect(filtered.name).toBe(ref.name);
      expect(apiView(toStoredFigures(filtered), false)).toEqual(ref.api_as_stored);
      ref.segments.forEach((segRef, i) => {
        const seg = filtered.segments[i]!;
        expectFigures(seg, raw.segments[i]!, segRef, `segment ${i}`);
        expect(apiView(toStoredFigures(seg), true)).toEqual(segRef.api_as_stored);
      });
      await expectPipeline(content, filtered, ref, sport, threshold);
    });
  });
});

async function expectPipeline(
  content: Buffer,
  analysis: GpxAnalysis,
  ref: ReferenceFixture['sports'][string]['result'],
  sport: string,
  threshold: number,
): Promise<void> {
  const run = analyzeGpx(content, { stoppedSpeedThreshold: threshold, useRawGpxSpeed: false });
  if (ref.fittrackee_pipeline.outcome !== 'created') {
    await expect(run).rejects.toMatchObject({ message: GPX_ERROR_MESSAGES.processing });
    return;
  }
  await expect(run).resolves.toBeDefined();
  expect(isoMicros(analysis.startMicros)).toBe(ref.workout_date_utc);
  expect(gpxWorkoutTitle(analysis.name, sport, analysis.start!, null)).toBe(ref.title);
}

/** Python `datetime.isoformat()` of a naive UTC time (microseconds only when non-zero). */
function isoMicros(micros: number | null): string | null {
  if (micros === null) return null;
  const ms = Math.floor(micros / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const fraction = ((micros % 1e6) + 1e6) % 1e6;
  return fraction === 0 ? base : `${base}.${String(fraction).padStart(6, '0')}`;
}
