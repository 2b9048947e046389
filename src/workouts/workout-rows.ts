import type { WeatherData } from 'src/workouts/files/weather/weather-data';
import type { PackedRecords } from 'src/workouts/records/packed-records';
import { HELD_RECORDS_PACKED } from 'src/workouts/records/records.repository';

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
  /** The JSON the weather service stored. */
  weather_start: WeatherData | null;
  weather_end: WeatherData | null;
  notes: string | null;
  username: string;
  previous_uuid: string | null;
  next_uuid: string | null;
  records: PackedRecords;
  segments: SegmentRow[];
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

/** Figures shared by workouts and segments, named as the rows carry them. */
const figures = (alias: string): [string, string][] => [
  ['duration_s', `extract(epoch FROM ${alias}.duration)::float8`],
  ['pauses_s', `extract(epoch FROM ${alias}.pauses)::float8`],
  ['moving_s', `extract(epoch FROM ${alias}.moving)::float8`],
  ['distance', `${alias}.distance::float8`],
  ['min_alt', `${alias}.min_alt::float8`],
  ['max_alt', `${alias}.max_alt::float8`],
  ['descent', `${alias}.descent::float8`],
  ['ascent', `${alias}.ascent::float8`],
  ['max_speed', `${alias}.max_speed::float8`],
  ['ave_speed', `${alias}.ave_speed::float8`],
];

/**
 * The segments of workout `w` as one JSON array of `SegmentRow`, in segment order: the row
 * brings its segments along instead of costing another query. JSON numbers print floats
 * with the shortest exact digits, as the text protocol does, so the values are the same.
 */
const SEGMENTS_JSON = `(
  SELECT coalesce(json_agg(json_build_object(
    'workout_id', s.workout_id, 'workout_uuid', s.workout_uuid::text, 'segment_id', s.segment_id,
    ${figures('s')
      .map(([name, value]) => `'${name}', ${value}`)
      .join(', ')}) ORDER BY s.segment_id), '[]')
  FROM workout_segments s WHERE s.workout_id = w.id)`;

/**
 * Select list for `WorkoutRow` over `workouts w JOIN users u`, held records and segments
 * included (prev/next added by the caller).
 */
export const WORKOUT_COLUMNS = `
  w.id, w.uuid::text AS uuid, w.user_id, w.sport_id, w.title, w.gpx,
  extract(epoch FROM w.creation_date)::float8 AS creation_epoch,
  extract(epoch FROM w.modification_date)::float8 AS modification_epoch,
  extract(epoch FROM w.workout_date)::float8 AS workout_epoch,
  ${figures('w')
    .map(([name, value]) => `${value} AS ${name}`)
    .join(', ')},
  w.bounds, w.map, w.map_id, w.weather_start, w.weather_end, w.notes, u.username,
  ${HELD_RECORDS_PACKED} AS records, ${SEGMENTS_JSON} AS segments`;
