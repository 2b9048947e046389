/**
 * Points of one `<trkseg>` as parallel typed arrays (no per-point objects). `count` is the
 * number of points; the arrays may be longer (growing buffers).
 * - `ele`: metres, NaN when the point has no `<ele>`;
 * - `time`: microseconds since 1970-01-01 UTC (times without offset taken as UTC, as gpxpy's
 *   naive datetimes are by FitTrackee), NaN when missing or unparsable.
 */
export interface GpxSegmentPoints {
  readonly count: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly ele: Float64Array;
  readonly time: Float64Array;
  /** Some point times carry no offset and others do (gpxpy cannot compare them). */
  readonly hasNaiveTimes: boolean;
  readonly hasAwareTimes: boolean;
  /** A point time has an offset of 24 h or more, which Python refuses to use. */
  readonly hasInvalidOffset: boolean;
}

export interface GpxTrackData {
  /** Text of the track's first `<name>` child, null when absent or empty. */
  readonly name: string | null;
  readonly segments: readonly GpxSegmentPoints[];
}

export interface ParsedGpx {
  readonly tracks: readonly GpxTrackData[];
}

/** FitTrackee's figures for one segment or a whole file (docs/uploads.md#computed). */
export interface GpxFigures {
  /** Seconds, before the storage truncation of microseconds. */
  readonly durationSeconds: number;
  readonly movingSeconds: number;
  readonly pausesSeconds: number;
  readonly distanceKm: number;
  readonly aveSpeedKmh: number;
  /** km/h, with the user's raw-speed choice applied. */
  readonly maxSpeedKmh: number;
  readonly minAltitude: number | null;
  readonly maxAltitude: number | null;
  readonly ascent: number | null;
  readonly descent: number | null;
}

export interface GpxSegmentAnalysis extends GpxFigures {
  /** 0-based index in the first track. */
  readonly segmentId: number;
  /** Time of the segment's first point, null for an empty segment. */
  readonly start: Date | null;
}

export interface GpxAnalysis extends GpxFigures {
  /** First track `<name>` (null when none): the workout title when non-empty. */
  readonly name: string | null;
  /** First point of the first track (UTC), null when that track has no point. */
  readonly start: Date | null;
  /** Microseconds part of `start` is kept here since `Date` holds milliseconds only. */
  readonly startMicros: number | null;
  /** `[min_lat, min_lon, max_lat, max_lon]`, `[]` when gpxpy finds no bounds. */
  readonly bounds: readonly number[];
  /** Σ of the gaps between consecutive segments of the first track, in seconds. */
  readonly gapsSeconds: number;
  readonly segments: readonly GpxSegmentAnalysis[];
}

export interface GpxAnalysisOptions {
  /** km/h; the user's sport preference or the sport default; 0 acts as 1 (gpxpy). */
  readonly stoppedSpeedThreshold: number;
  /** The user's `use_raw_gpx_speed`: max speed without the outlier filter. */
  readonly useRawGpxSpeed: boolean;
}
