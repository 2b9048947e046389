/** A realistic `GET /api/config` body, for the OpenAPI examples. */
export const APP_CONFIG_RESPONSE_EXAMPLE = {
  status: 'success',
  data: {
    about: null,
    admin_contact: 'admin@example.com',
    gpx_limit_import: 10,
    is_email_sending_enabled: true,
    is_registration_enabled: true,
    map_attribution:
      '&copy; <a href="http://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors',
    max_single_file_size: 1048576,
    max_users: 0,
    max_zip_file_size: 10485760,
    privacy_policy: null,
    privacy_policy_date: null,
    version: '0.7.32',
    weather_provider: null,
  },
};
