const RUNNING_APRIL = {
  average_speed: 10.12,
  nb_workouts: 3,
  total_ascent: 245,
  total_descent: 240,
  total_distance: 30.4,
  total_duration: 10800,
};

const HIKING_APRIL = {
  average_speed: 4.5,
  nb_workouts: 1,
  total_ascent: 620,
  total_descent: 615,
  total_distance: 12.2,
  total_duration: 9720,
};

/** `GET /api/stats/sam/by_time?from=2025-03-01&to=2025-04-30&time=month`. */
export const BY_TIME_EXAMPLE = {
  status: 'success',
  data: {
    statistics: {
      '2025-03': { '5': { ...RUNNING_APRIL, nb_workouts: 1, total_distance: 10.5 } },
      '2025-04': { '3': HIKING_APRIL, '5': RUNNING_APRIL },
    },
  },
};

/** `GET /api/stats/sam/by_sport?from=2025-04-01&to=2025-04-30`. */
export const BY_SPORT_EXAMPLE = {
  status: 'success',
  data: { statistics: { '3': HIKING_APRIL, '5': RUNNING_APRIL } },
};

export const INSTANCE_EXAMPLE = {
  status: 'success',
  data: { sports: 4, uploads_dir_size: 2531048, users: 12, workouts: 481 },
};
