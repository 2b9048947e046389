import { ApiProperty } from '@nestjs/swagger';

/** `GET /api/config` payload (FitTrackee `AppConfig.serialize`). */
export class AppConfigResponseDto {
  /** Markdown text of the instance's "about" page, or null. */
  about!: string | null;
  /** Email address of the administrator, or null. */
  admin_contact!: string | null;
  /** Max. number of files in a zip archive of workouts. */
  @ApiProperty({ type: 'integer' })
  gpx_limit_import!: number;
  is_email_sending_enabled!: boolean;
  /** Registration is open: `max_users` is 0 or not reached yet. */
  is_registration_enabled!: boolean;
  /** Attribution of the map tiles, HTML. */
  map_attribution!: string;
  /** Max. size of an uploaded file, in bytes. */
  @ApiProperty({ type: 'integer' })
  max_single_file_size!: number;
  /** Max. number of registered users; 0 means no limit. */
  @ApiProperty({ type: 'integer' })
  max_users!: number;
  /** Max. size of an uploaded zip archive, in bytes. */
  @ApiProperty({ type: 'integer' })
  max_zip_file_size!: number;
  /** Markdown text of the instance's privacy policy, or null for the default one. */
  privacy_policy!: string | null;
  /** RFC 1123 date-time of the last privacy policy change, or null. */
  privacy_policy_date!: string | null;
  /** The FitTrackee version whose API this server speaks. */
  version!: string;
  /** The weather data provider, or null when none is configured. */
  weather_provider!: string | null;
}
