import { toHttpDate, toHttpDateOrNull } from 'src/common/format/http-date';
import { formatTimedelta } from 'src/common/format/timedelta';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import type { User } from 'src/users/user.entity';
import type { UserWorkoutSummary } from 'src/users/user-workout-summary';

/**
 * `self`: the user looking at themself; `admin`: an admin looking at another user (FitTrackee
 * `GET /api/auth/profile`).
 */
export type UserView = 'self' | 'admin';

/**
 * `accepted_privacy_policy` (FitTrackee `GET /api/auth/profile`): false without acceptance; true
 * when the instance has no custom policy; else the acceptance must be strictly after the policy date.
 */
export function hasAcceptedPrivacyPolicy(user: User, privacyPolicyDate: Date | null): boolean {
  if (user.acceptedPolicyDate === null) return false;
  if (privacyPolicyDate === null) return true;
  return privacyPolicyDate.getTime() < user.acceptedPolicyDate.getTime();
}

/** Allow-list serialization: a new column never reaches the wire by accident. */
export function toUserResponse(
  user: User,
  view: UserView,
  summary: UserWorkoutSummary,
  privacyPolicyDate: Date | null,
): UserResponseDto {
  const common: UserResponseDto = {
    admin: user.admin,
    bio: user.bio,
    birth_date: toHttpDateOrNull(user.birthDate),
    created_at: toHttpDate(user.createdAt),
    email: user.email,
    email_to_confirm: user.emailToConfirm,
    first_name: user.firstName,
    is_active: user.isActive,
    last_name: user.lastName,
    location: user.location,
    nb_sports: summary.nbSports,
    nb_workouts: summary.nbWorkouts,
    picture: user.picture !== null,
    records: summary.records,
    sports_list: summary.sportsList,
    total_ascent: summary.totalAscent,
    total_distance: summary.totalDistance,
    total_duration: formatTimedelta(summary.totalDurationSeconds),
    username: user.username,
  };
  if (view === 'admin') return common;
  return {
    ...common,
    accepted_privacy_policy: hasAcceptedPrivacyPolicy(user, privacyPolicyDate),
    date_format: user.dateFormat,
    display_ascent: user.displayAscent,
    imperial_units: user.imperialUnits,
    language: user.language,
    start_elevation_at_zero: user.startElevationAtZero,
    timezone: user.timezone,
    use_dark_mode: user.useDarkMode,
    use_raw_gpx_speed: user.useRawGpxSpeed,
    weekm: user.weekm,
  };
}
