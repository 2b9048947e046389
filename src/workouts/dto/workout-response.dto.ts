import { ApiProperty } from '@nestjs/swagger';
import { WORKOUT_WEATHER_SCHEMA } from 'src/workouts/dto/workout-weather.schema';
import type { WeatherData } from 'src/workouts/files/weather/weather-data';
import { RecordResponseDto } from 'src/workouts/records/dto/record-response.dto';

const HTTP_DATE = 'RFC 1123 date in UTC, e.g. `Fri, 07 Apr 2023 14:00:00 GMT`.';
const TIMEDELTA = 'Python timedelta text, `H:MM:SS` (`1 day, 2:03:04` beyond a day).';

/** A segment of a workout's GPX track; every falsy figure (0, `0:00:00`) is null, as in FitTrackee. */
export class WorkoutSegmentResponseDto {
  /** Short id of the workout. */
  workout_id!: string;
  /** 0-based position of the segment in the file (the segment routes count from 1). */
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 })
  segment_id!: number;
  @ApiProperty({ type: 'string', nullable: true, description: TIMEDELTA, example: '0:01:30' })
  duration!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: TIMEDELTA, example: null })
  pauses!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: TIMEDELTA, example: '0:01:30' })
  moving!: string | null;
  /** Kilometres. */
  distance!: number | null;
  /** Metres. */
  min_alt!: number | null;
  /** Metres. */
  max_alt!: number | null;
  /** Metres. */
  descent!: number | null;
  /** Metres. */
  ascent!: number | null;
  /** km/h. */
  max_speed!: number | null;
  /** km/h. */
  ave_speed!: number | null;
}

/** A workout as FitTrackee serializes it; there is no `uuid` key. */
export class WorkoutResponseDto {
  /** Short id (the workout’s UUID in base 57, 22 characters), used in every workout route. */
  @ApiProperty({ example: '4mXbN7c2aRk9PqLzT5vWyE' })
  id!: string;
  @ApiProperty({ type: 'integer', example: 1 })
  sport_id!: number;
  title!: string | null;
  @ApiProperty({ description: HTTP_DATE })
  creation_date!: string;
  @ApiProperty({ type: 'string', nullable: true, description: `${HTTP_DATE} Null until edited.` })
  modification_date!: string | null;
  @ApiProperty({ description: `Start of the workout. ${HTTP_DATE}` })
  workout_date!: string;
  @ApiProperty({ description: TIMEDELTA, example: '2:00:00' })
  duration!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: `${TIMEDELTA} Null when there is no pause.`,
  })
  pauses!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: TIMEDELTA })
  moving!: string | null;
  /** Kilometres. */
  distance!: number | null;
  /** Metres. */
  min_alt!: number | null;
  /** Metres. */
  max_alt!: number | null;
  /** Metres. */
  ascent!: number | null;
  /** Metres. */
  descent!: number | null;
  /** km/h. */
  max_speed!: number | null;
  /** km/h. */
  ave_speed!: number | null;
  /** The records this workout currently holds. */
  @ApiProperty({ type: () => [RecordResponseDto] })
  records!: readonly RecordResponseDto[];
  @ApiProperty({ type: () => [WorkoutSegmentResponseDto] })
  segments!: WorkoutSegmentResponseDto[];
  @ApiProperty(WORKOUT_WEATHER_SCHEMA)
  weather_start!: WeatherData | null;
  @ApiProperty(WORKOUT_WEATHER_SCHEMA)
  weather_end!: WeatherData | null;
  notes!: string | null;
  /** Short id of the caller's next workout by date (within the list filters on a list). */
  next_workout!: string | null;
  /** Short id of the caller's previous workout by date (within the list filters on a list). */
  previous_workout!: string | null;
  /** `[min_lat, min_lon, max_lat, max_lon]` of the track; empty without a GPX file. */
  @ApiProperty({ type: [Number], example: [] })
  bounds!: number[];
  /** Username of the owner. */
  user!: string;
  /** `map_id` of the map image (`GET /api/workouts/map/{map_id}`), null without one. */
  map!: string | null;
  /** Whether a GPX file is stored. */
  with_gpx!: boolean;
}

/** `data` of every answer carrying workouts: a list, of one workout outside `GET /api/workouts`. */
export class WorkoutsListResponseDto {
  @ApiProperty({ type: () => [WorkoutResponseDto] })
  workouts!: WorkoutResponseDto[];
}
