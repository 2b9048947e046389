import {
  type CallerReadRequest,
  callerReadToken,
  type RequestCallerRead,
} from 'src/database/caller-read';
import { hasDays, param, parseInteger, unlessRefused } from 'src/workouts/query-params';
import {
  ownBucketsJoined,
  type Period,
  PERIOD_KEYS,
  type StatsRow,
} from 'src/workouts/stats/stats.repository';

/**
 * `GET /api/stats/<username>/by_time` reads the caller's own buckets with the token
 * (OWN_STATS_BY_TIME_JOINED).
 */
export const OWN_STATS_BY_TIME_READ = callerReadToken<StatsRow[]>('own statistics by time');

/**
 * The stored buckets a by-time request asks for, when it names the caller. Not for `from` /
 * `to` (days in the user's time zone, known once the user is), an unknown `time` (answered
 * only after looking for matching workouts) or a `sport_id` that does not parse: the route
 * reads those itself, as it reads another user's statistics.
 */
export const OWN_STATS_BY_TIME_JOINED: RequestCallerRead<StatsRow[]> = {
  forRequest({ params, query }: CallerReadRequest) {
    const username = params['username'];
    if (typeof username !== 'string') return undefined;
    if (hasDays(query)) return undefined;
    const time = param(query, 'time') ?? 'year';
    if (!Object.hasOwn(PERIOD_KEYS, time)) return undefined;
    const sport = param(query, 'sport_id');
    if (sport === undefined) return ownBucketsJoined(username, time as Period, undefined);
    const sportId = unlessRefused(() => parseInteger(sport));
    if (sportId === undefined) return undefined;
    return ownBucketsJoined(username, time as Period, sportId);
  },
};
