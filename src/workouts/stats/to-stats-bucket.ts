import type { StatsBucketDto } from 'src/workouts/stats/dto/stats-response.dto';
import type { StatsRow } from 'src/workouts/stats/stats.repository';

export function toStatsBucket(row: StatsRow): StatsBucketDto {
  return {
    average_speed: Number(row.average_speed),
    nb_workouts: row.nb_workouts,
    total_ascent: row.total_ascent,
    total_descent: row.total_descent,
    total_distance: row.total_distance,
    total_duration: Number(row.total_duration),
  };
}
