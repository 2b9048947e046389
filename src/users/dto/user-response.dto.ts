import { ApiProperty } from '@nestjs/swagger';

/**
 * A user as every endpoint serializes it (FitTrackee `User.serialize`): the fields every viewer
 * sees, then the preferences only the user themself sees.
 */
export class UserResponseDto {
  admin!: boolean;
  bio!: string | null;
  /** RFC 1123 date-time at midnight, or null. */
  birth_date!: string | null;
  /** RFC 1123 date-time of the registration. */
  created_at!: string;
  email!: string;
  /** The new address waiting for confirmation, or null. */
  email_to_confirm!: string | null;
  first_name!: string | null;
  is_active!: boolean;
  last_name!: string | null;
  location!: string | null;
  nb_sports!: number;
  nb_workouts!: number;
  /** True when an avatar is stored (`GET /api/users/{username}/picture`). */
  picture!: boolean;
  /** The user's records, serialized as `GET /api/records` does. */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  records!: readonly object[];
  /** Ids of the sports the user has workouts in. */
  sports_list!: number[];
  /** Metres. */
  total_ascent!: number;
  /** Kilometres. */
  total_distance!: number;
  /** Python timedelta text, e.g. `"2 days, 3:04:05"`. */
  total_duration!: string;
  username!: string;
  // Fields below only in the user's own view.
  /** Own view only: the current privacy policy is accepted. */
  accepted_privacy_policy?: boolean;
  /** Own view only. */
  date_format?: string | null;
  /** Own view only. */
  display_ascent?: boolean;
  /** Own view only. */
  imperial_units?: boolean;
  /** Own view only. */
  language?: string | null;
  /** Own view only. */
  start_elevation_at_zero?: boolean;
  /** Own view only: IANA time zone name. */
  timezone?: string | null;
  /** Own view only. */
  use_dark_mode?: boolean | null;
  /** Own view only. */
  use_raw_gpx_speed?: boolean;
  /** Own view only: weeks start on Monday. */
  weekm?: boolean;
}
