import { ApiParam } from '@nestjs/swagger';

/** The `sport_id` path parameter, matched like Flask's `<int:sport_id>`. */
export const ApiSportIdParam = (): MethodDecorator =>
  ApiParam({
    name: 'sport_id',
    description: 'Id of the sport (FitTrackee’s fixed list: 1 `Cycling (Sport)` … 5 `Running` …).',
    schema: { type: 'integer', minimum: 1, example: 5 },
  });

const RUNNING = {
  id: 5,
  label: 'Running',
  is_active: true,
  is_active_for_user: true,
  color: '#ff9800',
  stopped_speed_threshold: 1,
};

/** `GET /api/sports` for a regular user (admins also get `has_workouts`). */
export const SPORTS_LIST_EXAMPLE = {
  status: 'success',
  data: {
    sports: [
      {
        id: 1,
        label: 'Cycling (Sport)',
        is_active: true,
        is_active_for_user: true,
        color: null,
        stopped_speed_threshold: 1,
      },
      {
        id: 3,
        label: 'Hiking',
        is_active: true,
        is_active_for_user: false,
        color: null,
        stopped_speed_threshold: 0.1,
      },
      RUNNING,
    ],
  },
};

export const SPORT_EXAMPLE = { status: 'success', data: { sports: [RUNNING] } };

/** `PATCH /api/sports/5` by an admin disabling Running. */
export const SPORT_UPDATED_EXAMPLE = {
  status: 'success',
  data: {
    sports: [{ ...RUNNING, is_active: false, is_active_for_user: false, has_workouts: true }],
  },
};

export const SPORT_PREFERENCE_EXAMPLE = {
  status: 'success',
  message: 'user sport preferences updated',
  data: { user_id: 1, sport_id: 5, color: '#ff9800', is_active: true, stopped_speed_threshold: 1 },
};
