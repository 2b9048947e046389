/** One (period, sport) bucket (FitTrackee `GET /api/stats/<username>/by_time`). */
export class StatsBucketDto {
  average_speed!: number;
  nb_workouts!: number;
  total_ascent!: number;
  total_descent!: number;
  total_distance!: number;
  /** Seconds of moving time. */
  total_duration!: number;
}

/** `{statistics: {<period>: {<sport_id>: bucket}}}` (by_time) or `{<sport_id>: bucket}` (by_sport). */
export class StatisticsResponseDto {
  statistics!: Record<string, unknown>;
}

/** `GET /api/stats/all` (as in FitTrackee). */
export class InstanceStatsResponseDto {
  sports!: number;
  uploads_dir_size!: number;
  users!: number;
  workouts!: number;
}
