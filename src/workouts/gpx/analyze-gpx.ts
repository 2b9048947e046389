import type { Readable } from 'node:stream';

import { analyzeParsedGpx } from 'src/workouts/gpx/gpx-analysis';
import { GpxError } from 'src/workouts/gpx/gpx-errors';
import { parseGpx } from 'src/workouts/gpx/gpx-parser';
import type { GpxAnalysis, GpxAnalysisOptions, ParsedGpx } from 'src/workouts/gpx/gpx-types';

/**
 * Entry point for uploads: parse (streaming) and analyse a GPX file as FitTrackee's
 * `process_one_gpx_file` would, refusing what it refuses (docs/uploads.md#validation item 9), with
 * `GpxError` (HTTP 400) instead of the reference's 500:
 * - `gpx file is invalid`, `no tracks in gpx file` (parsing);
 * - `<time> is missing in gpx file`: a point of the first track without a usable time;
 * - `error during gpx file parsing`: times with and without offset compared (Python TypeError);
 * - `error during gpx processing`: no start (first track without points), offset ≥ 24 h.
 */
export async function analyzeGpx(
  input: Buffer | Readable,
  options: GpxAnalysisOptions,
): Promise<GpxAnalysis> {
  const parsed = await parseGpx(input);
  assertProcessable(parsed);
  const analysis = analyzeParsedGpx(parsed, options);
  if (analysis.start === null) throw new GpxError('processing');
  return analysis;
}

/** The refusals of `get_gpx_info` that do not depend on the figures, in FitTrackee's order. */
export function assertProcessable(parsed: ParsedGpx): void {
  const [first, ...others] = parsed.tracks;
  let previousIsNaive: boolean | null = null;
  for (const segment of first?.segments ?? []) {
    for (let i = 0; i < segment.count; i++) {
      const t = segment.time[i] ?? NaN;
      if (t !== t) throw new GpxError('missingTime');
    }
    if (segment.hasNaiveTimes && segment.hasAwareTimes) throw new GpxError('parsing');
    if (segment.count > 0) {
      const isNaive = segment.hasNaiveTimes;
      if (previousIsNaive !== null && previousIsNaive !== isNaive) throw new GpxError('parsing');
      previousIsNaive = isNaive;
    }
  }
  for (const track of others) {
    for (const s of track.segments)
      if (s.hasNaiveTimes && s.hasAwareTimes) throw new GpxError('parsing');
  }
  for (const track of parsed.tracks) {
    for (const s of track.segments) if (s.hasInvalidOffset) throw new GpxError('processing');
  }
}
