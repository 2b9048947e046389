import { type CallerRead, callerReadToken } from 'src/database/caller-read';
import { statement } from 'src/database/prepared-queries';

/** A sport with the caller's preference, if any, and for admins whether any workout uses it. */
export interface SportRow {
  id: number;
  label: string;
  is_active: boolean;
  stopped_speed_threshold: number;
  /** Null without a preference row. */
  preference_is_active: boolean | null;
  preference_color: string | null;
  preference_threshold: number | null;
  /** Null unless asked for (admins only, FitTrackee `GET /api/sports`). */
  has_workouts: boolean | null;
}

/**
 * Sports and the user's preferences in one round trip: $1 the user, $2 whether to look for
 * workouts of each sport (CASE evaluates the EXISTS only then).
 */
const SELECT = `
  SELECT s.id, s.label, s.is_active, s.stopped_speed_threshold,
         p.is_active AS preference_is_active, p.color AS preference_color,
         p.stopped_speed_threshold AS preference_threshold,
         CASE WHEN $2::boolean
           THEN EXISTS (SELECT 1 FROM workouts w WHERE w.sport_id = s.id) END AS has_workouts
  FROM sports s
  LEFT JOIN users_sports_preferences p ON p.user_id = $1 AND p.sport_id = s.id`;

/** One sport by id, $3 (FitTrackee `GET /api/sports/<sport_id>`). */
export const ONE_SPORT = statement(`${SELECT} WHERE s.id = $3`);

/**
 * Every sport, inactive ones included, by id (FitTrackee `GET /api/sports`), for the caller
 * `user`, joined to the authentication query: one JSON array of `SportRow` with the columns of
 * `SELECT`, workouts looked for when the caller is an admin. JSON keeps each value's type:
 * `double precision` prints the same digits either way.
 */
export const SPORTS_JOINED: CallerRead<SportRow[]> = {
  joins: (user) => `
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(
        'id', s.id, 'label', s.label, 'is_active', s.is_active,
        'stopped_speed_threshold', s.stopped_speed_threshold,
        'preference_is_active', p.is_active, 'preference_color', p.color,
        'preference_threshold', p.stopped_speed_threshold,
        'has_workouts', CASE WHEN ${user}."admin"
          THEN EXISTS (SELECT 1 FROM workouts w WHERE w.sport_id = s.id) END)
        ORDER BY s.id), '[]') AS sports
      FROM sports s
      LEFT JOIN users_sports_preferences p ON p.user_id = ${user}."id" AND p.sport_id = s.id
    ) AS pk_caller_sports`,
  columns: 'pk_caller_sports.sports AS pk_caller_sports',
  // The column is the JSON array built above.
  read: (row) => row['pk_caller_sports'] as SportRow[],
};

/** `GET /api/sports` reads the sports with the token (SPORTS_JOINED). */
export const SPORTS_READ = callerReadToken<SportRow[]>('sports');
