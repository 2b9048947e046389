import { IncorrectSegmentIdError, SegmentNotFoundError } from 'src/workouts/gpx/gpx-errors';
import type { GpxSegmentPoints, ParsedGpx } from 'src/workouts/gpx/gpx-types';

/**
 * FitTrackee `get_gpx_segments`: all segments of the first track, or the one with the 1-based
 * `segmentId` (FitTrackee `GET /api/workouts/<workout_id>/gpx`): beyond the last → 404, below 1 →
 * `Incorrect segment id`.
 */
export function selectSegments(gpx: ParsedGpx, segmentId?: number): readonly GpxSegmentPoints[] {
  const segments = gpx.tracks[0]?.segments ?? [];
  if (segmentId === undefined) return segments;
  const index = segmentId - 1;
  if (index > segments.length - 1) throw new SegmentNotFoundError(segmentId);
  const selected = segments[index];
  if (index < 0 || selected === undefined) throw new IncorrectSegmentIdError();
  return [selected];
}
