import type { SportResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import type { SportRow } from 'src/workouts/sports/sport-rows';

/** As in FitTrackee `GET /api/sports`: the user's preference overrides color, activity and threshold. */
export function toSportResponse(row: SportRow): SportResponseDto {
  const hasPreference = row.preference_is_active !== null;
  const response: SportResponseDto = {
    id: row.id,
    label: row.label,
    is_active: row.is_active,
    is_active_for_user: hasPreference
      ? row.preference_is_active === true && row.is_active
      : row.is_active,
    color: row.preference_color,
    stopped_speed_threshold: row.preference_threshold ?? row.stopped_speed_threshold,
  };
  if (row.has_workouts !== null) response.has_workouts = row.has_workouts;
  return response;
}
