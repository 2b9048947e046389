import { toHttpDate } from 'src/common/format/http-date';
import { formatTimedelta } from 'src/common/format/timedelta';
import type {
  WorkoutResponseDto,
  WorkoutSegmentResponseDto,
} from 'src/workouts/dto/workout-response.dto';
import { RENDERED_RECORDS } from 'src/workouts/records/packed-records';
import { encodeShortId } from 'src/workouts/short-id';
import type { SegmentRow, WorkoutRow } from 'src/workouts/workout-rows';

const date = (epoch: number): string => toHttpDate(new Date(epoch * 1000));
const duration = (seconds: number | null): string | null =>
  seconds === null ? null : formatTimedelta(seconds);
/**
 * Segment figures: the reference turns every falsy value into null (FitTrackee
 * `GET /api/workouts/<workout_id>` ⚠).
 */
const truthy = <T>(value: T | null): T | null => (value ? value : null);

export function toSegmentResponse(row: SegmentRow): WorkoutSegmentResponseDto {
  return {
    workout_id: encodeShortId(row.workout_uuid),
    segment_id: row.segment_id,
    duration: truthy(duration(truthy(row.duration_s))),
    pauses: duration(truthy(row.pauses_s)),
    moving: duration(truthy(row.moving_s)),
    distance: truthy(row.distance),
    min_alt: truthy(row.min_alt),
    max_alt: truthy(row.max_alt),
    descent: truthy(row.descent),
    ascent: truthy(row.ascent),
    max_speed: truthy(row.max_speed),
    ave_speed: truthy(row.ave_speed),
  };
}

/** Allow-list serialization of a workout (FitTrackee `GET /api/workouts/<workout_id>`). */
export function toWorkoutResponse(row: WorkoutRow): WorkoutResponseDto {
  return {
    id: encodeShortId(row.uuid),
    sport_id: row.sport_id,
    title: row.title,
    creation_date: date(row.creation_epoch),
    modification_date: row.modification_epoch === null ? null : date(row.modification_epoch),
    workout_date: date(row.workout_epoch),
    duration: formatTimedelta(row.duration_s),
    // Only pauses hide a zero value on the workout object.
    pauses: duration(truthy(row.pauses_s)),
    moving: duration(row.moving_s),
    distance: row.distance,
    min_alt: row.min_alt,
    max_alt: row.max_alt,
    ascent: row.ascent,
    descent: row.descent,
    max_speed: row.max_speed,
    ave_speed: row.ave_speed,
    records: RENDERED_RECORDS.get(row.records, row.username),
    segments: row.segments.map(toSegmentResponse),
    weather_start: row.weather_start,
    weather_end: row.weather_end,
    notes: row.notes,
    next_workout: row.next_uuid === null ? null : encodeShortId(row.next_uuid),
    previous_workout: row.previous_uuid === null ? null : encodeShortId(row.previous_uuid),
    bounds: row.bounds && row.bounds.length > 0 ? row.bounds : [],
    user: row.username,
    map: row.map ? row.map_id : null,
    with_gpx: row.gpx !== null,
  };
}
