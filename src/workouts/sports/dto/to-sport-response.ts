import type { SportResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import type { Sport } from 'src/workouts/sports/sport.entity';
import type { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';

/** As in FitTrackee `GET /api/sports`: the user's preference overrides color, activity and threshold. */
export function toSportResponse(
  sport: Sport,
  preference: UserSportPreference | null,
  hasWorkouts: boolean | undefined,
): SportResponseDto {
  const response: SportResponseDto = {
    id: sport.id,
    label: sport.label,
    is_active: sport.isActive,
    is_active_for_user:
      preference === null ? sport.isActive : preference.isActive && sport.isActive,
    color: preference === null ? null : preference.color,
    stopped_speed_threshold:
      preference === null ? sport.stoppedSpeedThreshold : preference.stoppedSpeedThreshold,
  };
  if (hasWorkouts !== undefined) response.has_workouts = hasWorkouts;
  return response;
}
