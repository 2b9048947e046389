import { basename } from 'node:path';

import { Injectable } from '@nestjs/common';
import {
  toPythonDateTime,
  type UserWorkoutsExportProvider,
} from 'src/users/export/user-workouts-export';
import { toWorkoutResponse } from 'src/workouts/dto/to-workout-response';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import { DataSource } from 'typeorm';

const fromEpoch = (seconds: number): Date => new Date(seconds * 1000);

/**
 * `user_workouts_data.json` of a data export (FitTrackee `POST /api/auth/account/export/request`):
 * each workout as serialized by the API, without navigation, bounds, user, map and with_gpx, plus `sport_label` and the
 * GPX file name, with Python `str()` date-times. Runs in the export job, oldest first.
 */
@Injectable()
export class WorkoutsExportService implements UserWorkoutsExportProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workouts: WorkoutsRepository,
  ) {}

  async listForExport(userId: number): Promise<Record<string, unknown>[]> {
    const manager = this.dataSource.manager;
    const rows: { id: number; label: string }[] = await manager.query(
      `SELECT w.id, s.label FROM workouts w JOIN sports s ON s.id = w.sport_id
       WHERE w.user_id = $1 ORDER BY w.workout_date, w.id`,
      [userId],
    );
    const exported: Record<string, unknown>[] = [];
    for (const { id, label } of rows) {
      const row = await this.workouts.getRow(manager, id);
      if (row === undefined) continue;
      const workout = toWorkoutResponse(row);
      const {
        next_workout: _next,
        previous_workout: _previous,
        bounds: _bounds,
        user: _user,
        map: _map,
        with_gpx: _withGpx,
        ...kept
      } = workout;
      exported.push({
        ...kept,
        creation_date: toPythonDateTime(fromEpoch(row.creation_epoch)),
        modification_date:
          row.modification_epoch === null
            ? null
            : toPythonDateTime(fromEpoch(row.modification_epoch)),
        workout_date: toPythonDateTime(fromEpoch(row.workout_epoch)),
        sport_label: label,
        gpx: row.gpx === null ? null : basename(row.gpx),
      });
    }
    return exported;
  }
}
