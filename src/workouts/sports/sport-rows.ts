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
