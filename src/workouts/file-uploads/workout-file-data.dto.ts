import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** `data` of `GET /api/workouts/{workout_id}/gpx` and its segment variant. */
export class WorkoutGpxDataDto {
  /** The GPX document: the stored file verbatim, or a generated one for a segment. */
  gpx!: string;
}

/** FitTrackee's GPX answer: `message` and `data` sit beside `status`. */
export class WorkoutGpxResponseDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';
  /** Always empty. */
  @ApiProperty({ enum: [''] })
  message!: '';
  data!: WorkoutGpxDataDto;
}

/** One point of a workout's chart. */
export class ChartPointDto {
  /** Cumulated distance from the first point, in km, 2 decimals. */
  distance!: number;
  /** Seconds since the first point; null for a point without a time. */
  @ApiProperty({ type: 'number', nullable: true, example: 0 })
  duration!: number | null;
  /** Metres, 1 decimal; absent when the point has no elevation or 0. */
  @ApiPropertyOptional({ example: 998.0 })
  elevation?: number;
  latitude!: number;
  longitude!: number;
  /** km/h, 2 decimals; 0 when it cannot be computed. */
  speed!: number;
  /** RFC 1123 UTC time of the point; null for a point without a time. */
  @ApiProperty({ type: 'string', nullable: true, example: 'Tue, 13 Mar 2018 12:44:45 GMT' })
  time!: string | null;
}

/** `data` of `GET /api/workouts/{workout_id}/chart_data` and its segment variant. */
export class WorkoutChartDataDto {
  /** The points of the first track (or of the segment); null when the file has no track. */
  @ApiProperty({ type: () => [ChartPointDto], nullable: true })
  chart_data!: ChartPointDto[] | null;
}

/** FitTrackee's chart data answer: `message` and `data` sit beside `status`. */
export class WorkoutChartDataResponseDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';
  /** Always empty. */
  @ApiProperty({ enum: [''] })
  message!: '';
  data!: WorkoutChartDataDto;
}
