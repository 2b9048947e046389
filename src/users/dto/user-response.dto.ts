import { ApiProperty } from '@nestjs/swagger';

/**
 * A user as every endpoint serializes it (FitTrackee `GET /api/auth/profile`): self and admin
 * views.
 */
export class UserResponseDto {
  admin!: boolean;
  bio!: string | null;
  /** RFC 1123 date-time at midnight, or null. */
  birth_date!: string | null;
  created_at!: string;
  email!: string;
  email_to_confirm!: string | null;
  first_name!: string | null;
  is_active!: boolean;
  last_name!: string | null;
  location!: string | null;
  nb_sports!: number;
  nb_workouts!: number;
  /** True when an avatar is stored. */
  picture!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  records!: Record<string, unknown>[];
  sports_list!: number[];
  total_ascent!: number;
  total_distance!: number;
  /** Python timedelta text, e.g. `"2 days, 3:04:05"`. */
  total_duration!: string;
  username!: string;
  // Fields below only in the user's own view (FitTrackee `GET /api/auth/profile`).
  accepted_privacy_policy?: boolean;
  date_format?: string | null;
  display_ascent?: boolean;
  imperial_units?: boolean;
  language?: string | null;
  start_elevation_at_zero?: boolean;
  timezone?: string | null;
  use_dark_mode?: boolean | null;
  use_raw_gpx_speed?: boolean;
  weekm?: boolean;
}
