import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { DataNotFoundError, ForbiddenError, NotFoundError } from 'src/common/errors/http-errors';
import type { User } from 'src/users/user.entity';
import { WorkoutFileStore } from 'src/workouts/files/storage/workout-file-store';
import { chartData } from 'src/workouts/gpx/chart-data';
import { segmentGpx } from 'src/workouts/gpx/segment-gpx';
import { decodeShortId } from 'src/workouts/short-id';
import { EntityManager } from 'typeorm';

type WorkoutDataType = 'gpx' | 'chart_data';

interface WorkoutFileRow {
  user_id: number;
  gpx: string | null;
}

/** Flask's `<int:segment_id>` only matches digits; anything else is an unknown route (404). */
const ROUTE_NOT_FOUND = 'the requested URL was not found on the server';

/**
 * Reading a workout's GPX file (FitTrackee `GET /api/workouts/<workout_id>/gpx`,
 * `GET /api/workouts/<workout_id>/chart_data`, `GET /api/workouts/<workout_id>/gpx/download`): the file itself, one segment of it, chart data, or the file as a download.
 */
@Injectable()
export class WorkoutGpxFilesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly storage: WorkoutFileStore,
  ) {}

  /** FitTrackee `get_workout_data`: 404/403, no file 404, then the content. */
  async getData(
    user: User,
    shortId: string,
    type: WorkoutDataType,
    segmentText?: string,
  ): Promise<TopLevelResult> {
    if (segmentText !== undefined && !/^\d+$/.test(segmentText))
      throw new NotFoundError(ROUTE_NOT_FOUND);
    const workout = await this.findByShortId(shortId);
    if (workout === undefined)
      throw new DataNotFoundError(type, `workout not found (id: ${shortId})`);
    if (workout.user_id !== user.id) throw new ForbiddenError();
    // A row whose file is missing answers like a row without one (FitTrackee `get_workout_data`).
    const content = workout.gpx ? await this.storage.readIfExists(workout.gpx) : null;
    if (content === null) throw new NotFoundError(`no gpx file for this workout (id: ${shortId})`);
    const segmentId = segmentText === undefined ? undefined : Number(segmentText);
    if (type === 'chart_data')
      return topLevel({ message: '', data: { chart_data: await chartData(content, segmentId) } });
    const gpx =
      segmentId === undefined ? content.toString('utf8') : await segmentGpx(content, segmentId);
    return topLevel({ message: '', data: { gpx } });
  }

  /**
   * `GET …/gpx/download`: looked up among the caller's workouts only, no 403 (FitTrackee
   * `GET /api/workouts/<workout_id>/gpx/download`).
   */
  async download(user: User, shortId: string): Promise<StreamableFile> {
    const workout = await this.findByShortId(shortId);
    if (workout === undefined || workout.user_id !== user.id)
      throw new DataNotFoundError('workout', `workout not found (id: ${shortId})`);
    // Streamed from the store: a large file is never held in memory whole.
    const opened = workout.gpx ? await this.storage.open(workout.gpx) : null;
    if (workout.gpx === null || opened === null)
      throw new DataNotFoundError('gpx', `no gpx file for workout (id: ${shortId})`);
    const name = workout.gpx.slice(workout.gpx.lastIndexOf('/') + 1);
    return new StreamableFile(opened.stream, {
      type: 'application/gpx+xml',
      disposition: `attachment; filename=${name}`,
      length: opened.size,
    });
  }

  private async findByShortId(shortId: string): Promise<WorkoutFileRow | undefined> {
    const uuid = decodeShortId(shortId);
    if (uuid === null) return undefined;
    const rows = await this.manager.query<WorkoutFileRow[]>(
      `SELECT user_id, gpx FROM workouts WHERE uuid = $1`,
      [uuid],
    );
    return rows[0];
  }
}
