/** Realistic bodies for the users endpoints' OpenAPI examples. */

const RECORD_EXAMPLE = {
  id: 9,
  record_type: 'FD',
  sport_id: 1,
  user: 'sam',
  value: 42.195,
  workout_date: 'Sun, 06 Oct 2024 07:30:00 GMT',
  workout_id: 'kjxavSTUrJvoAh2wvCeGEF',
};

/** What an admin sees of another user. */
export const OTHER_USER_EXAMPLE = {
  admin: false,
  bio: null,
  birth_date: null,
  created_at: 'Mon, 02 Sep 2024 18:12:45 GMT',
  email: 'alex@example.com',
  email_to_confirm: null,
  first_name: null,
  is_active: true,
  last_name: null,
  location: null,
  nb_sports: 0,
  nb_workouts: 0,
  picture: false,
  records: [],
  sports_list: [],
  total_ascent: 0,
  total_distance: 0,
  total_duration: '0:00:00',
  username: 'alex',
};

/** A user looking at themself: the shared fields plus their preferences. */
export const OWN_USER_EXAMPLE = {
  admin: true,
  bio: 'Trail runner.',
  birth_date: 'Sat, 12 May 1990 00:00:00 GMT',
  created_at: 'Sun, 14 Jul 2024 13:51:01 GMT',
  email: 'sam@example.com',
  email_to_confirm: null,
  first_name: 'Sam',
  is_active: true,
  last_name: 'Doe',
  location: 'Lyon',
  nb_sports: 1,
  nb_workouts: 12,
  picture: true,
  records: [RECORD_EXAMPLE],
  sports_list: [1],
  total_ascent: 3120.5,
  total_distance: 318.42,
  total_duration: '1 day, 4:12:30',
  username: 'sam',
  accepted_privacy_policy: true,
  date_format: 'dd/MM/yyyy',
  display_ascent: true,
  imperial_units: false,
  language: 'en',
  start_elevation_at_zero: false,
  timezone: 'Europe/Paris',
  use_dark_mode: null,
  use_raw_gpx_speed: false,
  weekm: true,
};

export const USERS_LIST_EXAMPLE = {
  status: 'success',
  data: { users: [OTHER_USER_EXAMPLE, OWN_USER_EXAMPLE] },
  pagination: { has_next: false, has_prev: false, page: 1, pages: 1, total: 2 },
};

export const OWN_USER_RESPONSE_EXAMPLE = { status: 'success', data: { users: [OWN_USER_EXAMPLE] } };

export const UPDATED_USER_RESPONSE_EXAMPLE = {
  status: 'success',
  data: { users: [{ ...OTHER_USER_EXAMPLE, admin: true }] },
};
