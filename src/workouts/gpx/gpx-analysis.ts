import type {
  GpxAnalysis,
  GpxAnalysisOptions,
  GpxFigures,
  GpxSegmentAnalysis,
  GpxSegmentPoints,
  ParsedGpx,
} from 'src/workouts/gpx/gpx-types';
import { timedeltaMicros } from 'src/workouts/gpx/py-timedelta';
import { type SegmentStats, segmentStats } from 'src/workouts/gpx/segment-stats';
import { sumTrackStats, type TotalStats } from 'src/workouts/gpx/track-totals';

/**
 * FitTrackee 0.7.32 `get_gpx_info` over a parsed file (docs/uploads.md#computed): totals from gpxpy
 * over all tracks; title, start, segments, gaps between segments and max speed from the first
 * track. Pure figures: pipeline refusals (missing times, no start) are in `analyze-gpx.ts`.
 */
export function analyzeParsedGpx(gpx: ParsedGpx, options: GpxAnalysisOptions): GpxAnalysis {
  const threshold = options.stoppedSpeedThreshold;
  const stats = gpx.tracks.map((track) => track.segments.map((s) => segmentStats(s, threshold)));
  const firstTrack = gpx.tracks[0];
  const firstStats = stats[0] ?? [];
  let maxSpeed = 0;
  const segments = (firstTrack?.segments ?? []).map((points, index): GpxSegmentAnalysis => {
    const segment = firstStats[index] as SegmentStats;
    const speed = options.useRawGpxSpeed ? segment.maxSpeedRaw : segment.maxSpeed;
    if (speed > maxSpeed) maxSpeed = speed;
    const start = points.count > 0 ? (points.time[0] ?? NaN) : NaN;
    return {
      segmentId: index,
      start: start === start ? new Date(Math.floor(start / 1000)) : null,
      ...figures(toTotals([segment]), speed, 0),
    };
  });
  const gapsMicros = firstTrack ? gapsBetweenSegments(firstTrack.segments) : 0;
  const startMicros = firstTrack ? firstPointTime(firstTrack.segments) : null;
  const totals = sumTrackStats(stats);
  return {
    name: firstTrack?.name ?? null,
    start: startMicros === null ? null : new Date(Math.floor(startMicros / 1000)),
    startMicros,
    bounds: totals.bounds
      ? [totals.bounds[0], totals.bounds[2], totals.bounds[1], totals.bounds[3]]
      : [],
    gapsSeconds: gapsMicros / 1e6,
    segments,
    ...figures(totals, maxSpeed, gapsMicros),
  };
}

/** FitTrackee `get_gpx_data`: durations through Python timedeltas, speeds in km/h. */
function figures(t: TotalStats, maxSpeed: number, gapsMicros: number): GpxFigures {
  const durationMicros = timedeltaMicros(t.duration ?? 0) + gapsMicros;
  const movingMicros = timedeltaMicros(t.movingTime);
  const pausesMicros = timedeltaMicros(t.stoppedTime) + gapsMicros;
  const distance = t.movingDistance + t.stoppedDistance;
  const averageSpeed = t.movingTime > 0 ? distance / t.movingTime : 0;
  const hasElevation = t.maxEle !== null;
  return {
    durationSeconds: durationMicros / 1e6,
    movingSeconds: movingMicros / 1e6,
    pausesSeconds: pausesMicros / 1e6,
    distanceKm: distance / 1000,
    aveSpeedKmh: (averageSpeed / 1000) * 3600,
    maxSpeedKmh: (maxSpeed / 1000) * 3600,
    minAltitude: t.minEle,
    maxAltitude: t.maxEle,
    ascent: hasElevation ? t.uphill : null,
    descent: hasElevation ? t.downhill : null,
  };
}

function toTotals(segment: SegmentStats[]): TotalStats {
  return sumTrackStats([segment]);
}

/** Σ (first time of segment k − last time of segment k−1) over non-empty segments (exact µs). */
function gapsBetweenSegments(segments: readonly GpxSegmentPoints[]): number {
  let gaps = 0;
  let previousLast: number | null = null;
  for (const s of segments) {
    if (s.count === 0) continue;
    if (previousLast !== null) gaps += (s.time[0] ?? 0) - previousLast;
    previousLast = s.time[s.count - 1] ?? 0;
  }
  return gaps;
}

function firstPointTime(segments: readonly GpxSegmentPoints[]): number | null {
  for (const s of segments) if (s.count > 0) return s.time[0] ?? null;
  return null;
}
