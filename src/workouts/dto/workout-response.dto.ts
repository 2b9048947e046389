import { RecordResponseDto } from 'src/workouts/records/dto/record-response.dto';

/** A segment; every falsy figure is null (FitTrackee `GET /api/workouts/<workout_id>` ⚠). */
export class WorkoutSegmentResponseDto {
  workout_id!: string;
  segment_id!: number;
  duration!: string | null;
  pauses!: string | null;
  moving!: string | null;
  distance!: number | null;
  min_alt!: number | null;
  max_alt!: number | null;
  descent!: number | null;
  ascent!: number | null;
  max_speed!: number | null;
  ave_speed!: number | null;
}

/** A workout (FitTrackee `GET /api/workouts/<workout_id>`); there is no `uuid` key. */
export class WorkoutResponseDto {
  id!: string;
  sport_id!: number;
  title!: string | null;
  creation_date!: string;
  modification_date!: string | null;
  workout_date!: string;
  duration!: string;
  pauses!: string | null;
  moving!: string | null;
  distance!: number | null;
  min_alt!: number | null;
  max_alt!: number | null;
  ascent!: number | null;
  descent!: number | null;
  max_speed!: number | null;
  ave_speed!: number | null;
  records!: RecordResponseDto[];
  segments!: WorkoutSegmentResponseDto[];
  weather_start!: Record<string, unknown> | null;
  weather_end!: Record<string, unknown> | null;
  notes!: string | null;
  next_workout!: string | null;
  previous_workout!: string | null;
  bounds!: number[];
  user!: string;
  map!: string | null;
  with_gpx!: boolean;
}

export class WorkoutsListResponseDto {
  workouts!: WorkoutResponseDto[];
}
