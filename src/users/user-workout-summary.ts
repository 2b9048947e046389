import { callerReadToken } from 'src/database/caller-read';

/**
 * Workout figures that appear in every user serialization (FitTrackee `GET /api/auth/profile`). The
 * users module depends on no feature module, so the workouts module provides the implementation
 * under this token; records are already serialized (FitTrackee `GET /api/records`).
 */
export interface UserWorkoutSummary {
  nbSports: number;
  nbWorkouts: number;
  /** Shared between responses: never changed. */
  records: readonly object[];
  sportsList: number[];
  totalAscent: number;
  totalDistance: number;
  /** Sum of workout durations in seconds. */
  totalDurationSeconds: number;
}

/**
 * Everything a user serialization reads besides the user row, fetched together: the instance's
 * privacy policy date (`accepted_privacy_policy`) and the workout figures of each user.
 */
export interface UserSummaries {
  privacyPolicyDate: Date | null;
  /** One per requested user, in the requested order. */
  summaries: UserWorkoutSummary[];
}

/** Everything a user's own serialization reads besides the user row. */
export interface OwnSummary {
  privacyPolicyDate: Date | null;
  summary: UserWorkoutSummary;
}

/**
 * The caller's own summary, read with the token (FitTrackee `GET /api/auth/profile` in one
 * round trip); the workouts feature provides it.
 */
export const OWN_SUMMARY_READ = callerReadToken<OwnSummary>('own summary');

export interface UserWorkoutSummaryProvider {
  summarizeMany(userIds: readonly number[]): Promise<UserSummaries>;
}

export const USER_WORKOUT_SUMMARY = Symbol('USER_WORKOUT_SUMMARY');

export const EMPTY_WORKOUT_SUMMARY: UserWorkoutSummary = {
  nbSports: 0,
  nbWorkouts: 0,
  records: [],
  sportsList: [],
  totalAscent: 0,
  totalDistance: 0,
  totalDurationSeconds: 0,
};
