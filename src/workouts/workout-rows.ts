/** Columns selected for serialization: dates as epoch seconds, durations as seconds, decimals as doubles. */
export interface WorkoutRow {
  id: number;
  uuid: string;
  user_id: number;
  sport_id: number;
  title: string | null;
  gpx: string | null;
  creation_epoch: number;
  modification_epoch: number | null;
  workout_epoch: number;
  duration_s: number;
  pauses_s: number | null;
  moving_s: number | null;
  distance: number | null;
  min_alt: number | null;
  max_alt: number | null;
  descent: number | null;
  ascent: number | null;
  max_speed: number | null;
  ave_speed: number | null;
  bounds: number[] | null;
  map: string | null;
  map_id: string | null;
  weather_start: Record<string, unknown> | null;
  weather_end: Record<string, unknown> | null;
  notes: string | null;
  username: string;
  previous_uuid: string | null;
  next_uuid: string | null;
}

export interface SegmentRow {
  workout_id: number;
  workout_uuid: string;
  segment_id: number;
  duration_s: number | null;
  pauses_s: number | null;
  moving_s: number | null;
  distance: number | null;
  min_alt: number | null;
  max_alt: number | null;
  descent: number | null;
  ascent: number | null;
  max_speed: number | null;
  ave_speed: number | null;
}

const FIGURES = `
  extract(epoch FROM w.duration)::float8 AS duration_s,
  extract(epoch FROM w.pauses)::float8 AS pauses_s,
  extract(epoch FROM w.moving)::float8 AS moving_s,
  w.distance::float8 AS distance, w.min_alt::float8 AS min_alt, w.max_alt::float8 AS max_alt,
  w.descent::float8 AS descent, w.ascent::float8 AS ascent,
  w.max_speed::float8 AS max_speed, w.ave_speed::float8 AS ave_speed`;

/** Select list for `WorkoutRow` over `workouts w JOIN users u` (prev/next added by the caller). */
export const WORKOUT_COLUMNS = `
  w.id, w.uuid::text AS uuid, w.user_id, w.sport_id, w.title, w.gpx,
  extract(epoch FROM w.creation_date)::float8 AS creation_epoch,
  extract(epoch FROM w.modification_date)::float8 AS modification_epoch,
  extract(epoch FROM w.workout_date)::float8 AS workout_epoch,
  ${FIGURES},
  w.bounds, w.map, w.map_id, w.weather_start, w.weather_end, w.notes, u.username`;

export const SEGMENT_COLUMNS = `w.workout_id, w.workout_uuid::text AS workout_uuid, w.segment_id, ${FIGURES}`;
