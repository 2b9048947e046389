export { sharedFixturesDir } from 'test/helpers/shared-fixtures';

/** Figures as FitTrackee v0.7.32 reports them in `fixtures/gpx/<name>.json`. */
export interface ReferenceFigures {
  duration_s: number;
  moving_time_s: number;
  stop_time_s: number;
  distance_km: number;
  max_speed_kmh: number;
  max_speed_kmh_use_raw_gpx_speed: number;
  average_speed_kmh: number;
  uphill_m: number | null;
  downhill_m: number | null;
  elevation_min_m: number | null;
  elevation_max_m: number | null;
  api_as_stored: Record<string, string | number | null>;
}

export interface ReferenceResult extends ReferenceFigures {
  name: string | null;
  title: string;
  workout_date_utc: string | null;
  stopped_time_between_segments_s: number;
  bounds: number[];
  segments_nb: number;
  segments: (ReferenceFigures & { idx: number; start: string | null })[];
  fittrackee_pipeline: { outcome: string; message?: string };
}

export interface ReferenceFixture {
  file: string;
  sports: Record<
    string,
    { stopped_speed_threshold_kmh: number; ok: boolean; result: ReferenceResult }
  >;
}
