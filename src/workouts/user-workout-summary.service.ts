import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type {
  UserWorkoutSummary,
  UserWorkoutSummaryProvider,
} from 'src/users/user-workout-summary';
import { toRecordResponse } from 'src/workouts/records/dto/to-record-response';
import { RecordsRepository } from 'src/workouts/records/records.repository';
import { EntityManager } from 'typeorm';

interface TotalsRow {
  nb_workouts: number;
  sports_list: number[];
  total_ascent: number;
  total_distance: number;
  total_duration: number;
}

/**
 * Workout figures of the user serialization (FitTrackee `GET /api/auth/profile`): counts, distinct
 * sports, records, and sums (duration is the sum of `duration`, not `moving`). One aggregate query.
 */
@Injectable()
export class UserWorkoutSummaryService implements UserWorkoutSummaryProvider {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly records: RecordsRepository,
  ) {}

  async summarize(userId: number): Promise<UserWorkoutSummary> {
    const [rows, records] = await Promise.all([
      this.manager.query<TotalsRow[]>(
        `SELECT count(*)::int AS nb_workouts,
           coalesce(array_agg(DISTINCT sport_id ORDER BY sport_id) FILTER (WHERE sport_id IS NOT NULL), '{}') AS sports_list,
           coalesce(sum(ascent), 0)::float8 AS total_ascent,
           coalesce(sum(distance), 0)::float8 AS total_distance,
           coalesce(sum(extract(epoch FROM duration)), 0)::float8 AS total_duration
         FROM workouts WHERE user_id = $1`,
        [userId],
      ),
      this.records.findByUser(this.manager, userId),
    ]);
    const totals = rows[0];
    return {
      nbSports: totals?.sports_list.length ?? 0,
      nbWorkouts: totals?.nb_workouts ?? 0,
      // The users area types records loosely; these are plain objects (FitTrackee
      // `GET /api/records`).
      records: records.map(
        (record) => toRecordResponse(record) as unknown as Record<string, unknown>,
      ),
      sportsList: totals?.sports_list ?? [],
      totalAscent: totals?.total_ascent ?? 0,
      totalDistance: totals?.total_distance ?? 0,
      totalDurationSeconds: totals?.total_duration ?? 0,
    };
  }
}
