import {
  type CallerRead,
  type CallerReadRequest,
  callerReadToken,
  type RequestCallerRead,
} from 'src/database/caller-read';
import { parseWorkoutFilters, type WorkoutFilters } from 'src/workouts/list-workouts.query';
import { hasDays, unlessRefused } from 'src/workouts/query-params';
import { decodeShortId } from 'src/workouts/short-id';
import type { WorkoutRow } from 'src/workouts/workout-rows';
import { type ListedPage, pageJoined, workoutJoined } from 'src/workouts/workouts.repository';

/** A page of `GET /api/workouts` read with the token, and the filters it was read with. */
export interface PageReadWithToken extends ListedPage {
  filters: WorkoutFilters;
}

/** `GET /api/workouts` reads its page with the token (WORKOUTS_PAGE_JOINED). */
export const WORKOUTS_PAGE_READ = callerReadToken<PageReadWithToken>('workouts page');

/**
 * The page a list request asks for, read with the token. Not for `from` / `to`: they are days
 * in the caller's time zone, known only once the caller is. Nor for parameters that do not
 * parse: the route refuses them itself, after authentication (FitTrackee `GET /api/workouts`
 * answers 401 before looking at them).
 */
export const WORKOUTS_PAGE_JOINED: RequestCallerRead<PageReadWithToken> = {
  forRequest(request: CallerReadRequest) {
    const { query } = request;
    if (hasDays(query)) return undefined;
    const filters = unlessRefused(() => parseWorkoutFilters(query, null));
    if (filters === undefined) return undefined;
    const page = pageJoined(filters);
    return { ...page, read: (row) => ({ ...page.read(row), filters }) };
  },
};

/** `GET /api/workouts/<workout_id>` reads its workout with the token (WORKOUT_JOINED). */
export const WORKOUT_READ = callerReadToken<WorkoutRow | null>('workout');

/** An id that decodes to no uuid names no workout: nothing to join, the route answers 404. */
const NO_WORKOUT: CallerRead<null> = {
  joins: () => '',
  columns: 'NULL AS pk_caller_workout',
  read: () => null,
};

/**
 * The workout a detail request names, read with the token, whoever owns it (the route answers
 * 403 for another user's), or null.
 */
export const WORKOUT_JOINED: RequestCallerRead<WorkoutRow | null> = {
  forRequest({ params }: CallerReadRequest) {
    const id = params['workout_id'];
    const uuid = typeof id === 'string' ? decodeShortId(id) : null;
    return uuid === null ? NO_WORKOUT : workoutJoined(uuid);
  },
};
