/** `GET /api/config` payload (as in FitTrackee). */
export class AppConfigResponseDto {
  about!: string | null;
  admin_contact!: string | null;
  gpx_limit_import!: number;
  is_email_sending_enabled!: boolean;
  is_registration_enabled!: boolean;
  map_attribution!: string;
  max_single_file_size!: number;
  max_users!: number;
  max_zip_file_size!: number;
  privacy_policy!: string | null;
  /** RFC 1123 date-time, or null. */
  privacy_policy_date!: string | null;
  version!: string;
  weather_provider!: string | null;
}
