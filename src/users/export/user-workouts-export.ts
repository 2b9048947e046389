/**
 * The workouts part of a data export (FitTrackee `POST /api/auth/account/export/request`,
 * `user_workouts_data.json`): each workout as in FitTrackee `GET /api/workouts/<workout_id>`
 * without `next_workout`, `previous_workout`, `bounds`, `user`, `map`, `with_gpx`, plus `sport_label` and `gpx` (the GPX file name or null), date-times in
 * Python `str()` form (see `toPythonDateTime`). The workouts feature provides it under
 * `USER_WORKOUTS_EXPORT`; without it the export holds an empty list.
 */
export interface UserWorkoutsExportProvider {
  listForExport(userId: number): Promise<Record<string, unknown>[]>;
}

export const USER_WORKOUTS_EXPORT = Symbol('USER_WORKOUTS_EXPORT');

export const EMPTY_WORKOUTS_EXPORT: UserWorkoutsExportProvider = {
  listForExport: () => Promise.resolve([]),
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Python's `str(datetime)`: `2023-04-01 07:30:00`, with `.ffffff` only when not zero. */
export function toPythonDateTime(date: Date): string {
  const text =
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return ms === 0 ? text : `${text}.${pad(ms, 3)}000`;
}
