import { AppError } from 'src/common/errors/app-error';
import {
  type CallerReadRequest,
  callerReadToken,
  type RequestCallerRead,
} from 'src/database/caller-read';
import { parseWorkoutFilters, type WorkoutFilters } from 'src/workouts/list-workouts.query';
import { param } from 'src/workouts/query-params';
import { type ListedPage, pageJoined } from 'src/workouts/workouts.repository';

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
    if (param(query, 'from') !== undefined || param(query, 'to') !== undefined) return undefined;
    let filters: WorkoutFilters;
    try {
      filters = parseWorkoutFilters(query, null);
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
    const page = pageJoined(filters);
    return { ...page, read: (row) => ({ ...page.read(row), filters }) };
  },
};
