import { type CallerRead, callerReadToken } from 'src/database/caller-read';
import { TextRenderings } from 'src/database/text-renderings';
import type { SportResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { toSportResponse } from 'src/workouts/sports/dto/to-sport-response';
import type { SportRow } from 'src/workouts/sports/sport-rows';

/**
 * The sports as each caller sees them, by the text PostgreSQL sent (TextRenderings): every
 * caller without a preference shares one, and a few hundred cover the users active at once.
 */
const RENDERED_SPORTS = new TextRenderings<readonly SportResponseDto[]>(500);

function renderSports(text: string): readonly SportResponseDto[] {
  // The text is the JSON array of SportRow built by SPORTS_JOINED.
  const rows = JSON.parse(text) as SportRow[];
  return Object.freeze(rows.map((row) => Object.freeze(toSportResponse(row))));
}

/**
 * Every sport, inactive ones included, by id (FitTrackee `GET /api/sports`), for the caller
 * `user`, joined to the authentication query: one JSON array of `SportRow`, workouts looked
 * for when the caller is an admin, sent as text and rendered once per text. JSON keeps each
 * value's type: `double precision` prints the same digits either way.
 */
export const SPORTS_JOINED: CallerRead<readonly SportResponseDto[]> = {
  joins: (user) => `
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(
        'id', s.id, 'label', s.label, 'is_active', s.is_active,
        'stopped_speed_threshold', s.stopped_speed_threshold,
        'preference_is_active', p.is_active, 'preference_color', p.color,
        'preference_threshold', p.stopped_speed_threshold,
        'has_workouts', CASE WHEN ${user}."admin"
          THEN EXISTS (SELECT 1 FROM workouts w WHERE w.sport_id = s.id) END)
        ORDER BY s.id), '[]')::text AS sports
      FROM sports s
      LEFT JOIN users_sports_preferences p ON p.user_id = ${user}."id" AND p.sport_id = s.id
    ) AS pk_caller_sports`,
  columns: 'pk_caller_sports.sports AS pk_caller_sports',
  // The column is the text of the JSON array built above.
  read: (row) => RENDERED_SPORTS.get(row['pk_caller_sports'] as string, renderSports),
};

/** `GET /api/sports` reads the sports with the token (SPORTS_JOINED). */
export const SPORTS_READ = callerReadToken<readonly SportResponseDto[]>('sports');
