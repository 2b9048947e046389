import type { SelfUserResponseDto } from 'src/auth/dto/self-user-response.dto';

/** Whole-body examples of the `/api/auth` answers, as a client receives them. */

/** A first-party JWT as login and account confirmation issue it (shortened signature). */
const AUTH_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3MzU2ODk2MDAsImlhdCI6MTczNTY4NjAwMCwic3ViIjoxfQ.' +
  'q3X0yS1mJm0p9bV2cQ7dK8r4wZ5tH6uN1aE2fG3hI4j';

/** The user's own view of their account. */
export const SELF_USER_EXAMPLE: SelfUserResponseDto = {
  accepted_privacy_policy: true,
  admin: false,
  bio: 'Trail runner, occasional cyclist.',
  birth_date: 'Sat, 14 Jul 1990 00:00:00 GMT',
  created_at: 'Sun, 01 Dec 2024 09:12:45 GMT',
  date_format: 'dd/MM/yyyy',
  display_ascent: true,
  email: 'sam@example.com',
  email_to_confirm: null,
  first_name: 'Sam',
  imperial_units: false,
  is_active: true,
  language: 'en',
  last_name: 'Doe',
  location: 'Lyon',
  nb_sports: 2,
  nb_workouts: 42,
  picture: false,
  records: [],
  sports_list: [1, 4],
  start_elevation_at_zero: false,
  timezone: 'Europe/Paris',
  total_ascent: 5230.0,
  total_distance: 612.371,
  total_duration: '2 days, 3:04:05',
  use_dark_mode: null,
  use_raw_gpx_speed: false,
  username: 'sam',
  weekm: true,
};

export const messageExample = (message: string): object => ({ status: 'success', message });

export const authTokenExample = (message: string): object => ({
  status: 'success',
  message,
  auth_token: AUTH_TOKEN,
});

export const userMessageExample = (message: string): object => ({
  status: 'success',
  message,
  data: SELF_USER_EXAMPLE,
});
