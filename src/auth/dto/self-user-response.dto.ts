import { UserResponseDto } from 'src/users/dto/user-response.dto';

/**
 * The user looking at themself (`/api/auth/profile*`): the preferences, optional in the
 * shared model since an admin's view of another user lacks them, are always present here.
 */
export class SelfUserResponseDto extends UserResponseDto {
  /** False until the instance's current privacy policy is accepted. */
  declare accepted_privacy_policy: boolean;
  declare date_format: string | null;
  declare display_ascent: boolean;
  declare imperial_units: boolean;
  declare language: string | null;
  declare start_elevation_at_zero: boolean;
  declare timezone: string | null;
  declare use_dark_mode: boolean | null;
  declare use_raw_gpx_speed: boolean;
  /** Weeks start on Monday. */
  declare weekm: boolean;
}
