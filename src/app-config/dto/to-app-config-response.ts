import type { ConfigService } from '@nestjs/config';
import type { AppConfigEntity } from 'src/app-config/app-config.entity';
import type { AppConfigResponseDto } from 'src/app-config/dto/app-config-response.dto';
import { toHttpDateOrNull } from 'src/common/format/http-date';
import type { AppConfig } from 'src/config/configuration';

/** The FitTrackee version whose API this server speaks (FitTrackee `GET /api/config`). */
export const FITTRACKEE_API_VERSION = '0.7.32';

export function toAppConfigResponse(
  row: AppConfigEntity,
  isRegistrationEnabled: boolean,
  isEmailSendingEnabled: boolean,
  config: ConfigService<AppConfig, true>,
): AppConfigResponseDto {
  return {
    about: row.about,
    admin_contact: row.adminContact,
    gpx_limit_import: row.gpxLimitImport,
    is_email_sending_enabled: isEmailSendingEnabled,
    is_registration_enabled: isRegistrationEnabled,
    map_attribution: config.get('map.attribution', { infer: true }),
    max_single_file_size: row.maxSingleFileSize,
    max_users: row.maxUsers,
    max_zip_file_size: row.maxZipFileSize,
    privacy_policy: row.privacyPolicy,
    privacy_policy_date: toHttpDateOrNull(row.privacyPolicyDate),
    version: FITTRACKEE_API_VERSION,
    weather_provider: config.get('weather.provider', { infer: true }),
  };
}
