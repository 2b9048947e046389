import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { AppError } from 'src/common/errors/app-error';
import type { User } from 'src/users/user.entity';
import type { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import {
  type AnalysedFile,
  analyseWorkoutFile,
} from 'src/workouts/file-uploads/analyse-workout-file';
import {
  type GpxWorkoutContext,
  toGpxWorkoutRows,
} from 'src/workouts/file-uploads/gpx-workout-rows';
import { parseUploadData } from 'src/workouts/file-uploads/upload-data';
import { WorkoutSaveError } from 'src/workouts/file-uploads/upload-errors';
import { checkUploadedFile, type UploadedFile } from 'src/workouts/file-uploads/upload-file-checks';
import type { UploadParts } from 'src/workouts/file-uploads/upload-parts.decorator';
import { UploadSportsService } from 'src/workouts/file-uploads/upload-sports.service';
import { WorkoutExtrasService } from 'src/workouts/file-uploads/workout-extras.service';
import { buildWorkoutFileNames } from 'src/workouts/files/storage/upload-paths';
import type { StagedFile } from 'src/workouts/files/storage/workout-file-storage';
import { WorkoutFileStorageService } from 'src/workouts/files/storage/workout-file-storage.service';
import { extractWorkoutFiles } from 'src/workouts/files/zip/workout-zip';
import { WorkoutSerializer } from 'src/workouts/workout-serializer';
import {
  type NewSegment,
  type NewWorkout,
  WorkoutsWriter,
} from 'src/workouts/workouts-writer.service';
import { EntityManager } from 'typeorm';

interface PreparedWorkout {
  workout: NewWorkout;
  segments: NewSegment[];
}

/**
 * `POST /api/workouts` (spec workouts.md §4): validation in the reference's order, then every
 * file is analysed before anything is written. All or nothing per request, unlike the
 * reference: files are staged in a temp folder, every row is inserted in one transaction, and
 * the files are moved into place only after the commit (removed if anything fails).
 */
@Injectable()
export class WorkoutUploadService {
  private readonly logger = new Logger(WorkoutUploadService.name);

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly sports: UploadSportsService,
    private readonly storage: WorkoutFileStorageService,
    private readonly extras: WorkoutExtrasService,
    private readonly writer: WorkoutsWriter,
    private readonly serializer: WorkoutSerializer,
  ) {}

  async create(user: User, parts: UploadParts): Promise<WorkoutsListResponseDto> {
    const { file, limits } = parts;
    const kind = checkUploadedFile(file, parts.hasEmptyFileName, limits, parts.requestSize);
    const data = parseUploadData(parts.data);
    const sport = await this.sports.resolve(user, data.sportId);
    const upload = file as UploadedFile;
    const inputs =
      kind === 'zip'
        ? await extractWorkoutFiles(upload.buffer, limits)
        : [{ name: upload.originalname, data: upload.buffer }];
    const options = { ...sport.analysis, maxSingleFileSize: limits.maxSingleFileSize };
    const analysed: AnalysedFile[] = [];
    for (const input of inputs)
      analysed.push(await analyseWorkoutFile(input.name, input.data, options));
    const context: GpxWorkoutContext = {
      userId: user.id,
      timezone: user.timezone,
      sportId: sport.id,
      sportLabel: sport.label,
      notes: data.notes,
    };
    const staged: StagedFile[] = [];
    let ids: number[];
    try {
      // allSettled: every staged file is known before a failure is handled (none is left behind).
      const settled = await Promise.allSettled(
        analysed.map((f) => this.prepare(f, context, staged)),
      );
      const prepared = settled.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      ids = await this.insertAll(user.id, prepared);
    } catch (error) {
      await Promise.all(staged.map((s) => this.storage.discard(s)));
      throw error;
    }
    // Rows are committed: a file that cannot be moved now is finished by the start-up sweep.
    await Promise.all(staged.map((s) => this.storage.commit(s)));
    const workouts = [];
    for (const id of ids) workouts.push(await this.serializer.serializeById(this.manager, id));
    return { workouts };
  }

  /** Stages the GPX and map files of one workout and builds its rows (spec §4.4). */
  private async prepare(
    file: AnalysedFile,
    context: GpxWorkoutContext,
    staged: StagedFile[],
  ): Promise<PreparedWorkout> {
    const names = buildWorkoutFileNames(context.userId, context.sportId, file.analysis.start);
    // The GPX file is written (and synced) while the map is drawn and written and the weather
    // fetched; allSettled so that every staged file is recorded before a failure is passed on.
    const [gpxResult, mapResult, weatherResult] = await Promise.allSettled([
      this.storage.stage(names.gpx, file.gpx),
      this.stageMap(file, names.map),
      this.extras.fetchWeather(file.parsed),
    ]);
    if (gpxResult.status === 'fulfilled') staged.push(gpxResult.value);
    if (mapResult.status === 'fulfilled' && mapResult.value !== null)
      staged.push(mapResult.value.staged);
    valueOf(gpxResult);
    const map = valueOf(mapResult)?.png ?? null;
    const weather = valueOf(weatherResult);
    return toGpxWorkoutRows(file, context, {
      gpx: names.gpx,
      map: map === null ? null : names.map,
      mapId: map === null ? null : createHash('md5').update(map).digest('hex'),
      weatherStart: weather.start,
      weatherEnd: weather.end,
    });
  }

  /** The map PNG, staged; null when none could be drawn. */
  private async stageMap(
    file: AnalysedFile,
    path: string,
  ): Promise<{ png: Buffer; staged: StagedFile } | null> {
    const png = await this.extras.renderMap(file.parsed);
    return png === null ? null : { png, staged: await this.storage.stage(path, png) };
  }

  private async insertAll(userId: number, prepared: PreparedWorkout[]): Promise<number[]> {
    try {
      return await this.writer.inUserTransaction(userId, async (manager) => {
        const ids: number[] = [];
        for (const { workout, segments } of prepared)
          ids.push((await this.writer.insert(manager, workout, segments)).id);
        return ids;
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.logger.error(`workout insert failed: ${(error as Error).message}`);
      throw new WorkoutSaveError(500);
    }
  }
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
