import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { AppError } from 'src/common/errors/app-error';
import { isConnectionFailure } from 'src/common/errors/connection-failure';
import { isStorageFull } from 'src/common/errors/storage-full';
import { IdempotencyService, type Idempotent } from 'src/common/idempotency/idempotency.service';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { AppMetrics } from 'src/common/metrics/app-metrics';
import { StorageUnavailableError } from 'src/common/storage/storage-unavailable.error';
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
import { StagedWrites } from 'src/workouts/file-uploads/staged-writes';
import { parseUploadData } from 'src/workouts/file-uploads/upload-data';
import { WorkoutFileSaveError, WorkoutSaveError } from 'src/workouts/file-uploads/upload-errors';
import { checkUploadedFile, type UploadedFile } from 'src/workouts/file-uploads/upload-file-checks';
import type { UploadParts } from 'src/workouts/file-uploads/upload-parts.decorator';
import { UploadSportsService } from 'src/workouts/file-uploads/upload-sports.service';
import { WorkoutExtrasService } from 'src/workouts/file-uploads/workout-extras.service';
import { buildWorkoutFileNames } from 'src/workouts/files/storage/upload-paths';
import type { StagedFile } from 'src/workouts/files/storage/workout-file-storage';
import { getWorkoutFileExtension } from 'src/workouts/files/workout-file-type';
import { extractWorkoutFiles } from 'src/workouts/files/zip/workout-zip';
import { WorkoutSerializer } from 'src/workouts/workout-serializer';
import {
  type NewSegment,
  type NewWorkout,
  WorkoutsWriter,
} from 'src/workouts/workouts-writer.service';

interface PreparedWorkout {
  workout: NewWorkout;
  segments: NewSegment[];
  /**
   * Settle when the workout's GPX file is written, synced and named, and its map written. Each
   * already has a rejection handler; nothing derived from them is created before the insert
   * awaits them, so a failure that comes first leaves no promise without a handler.
   */
  filesReady: readonly Promise<void>[];
}

/**
 * `POST /api/workouts` (docs/uploads.md): validation in the reference's order, then every
 * file is analysed before anything is written. All or nothing per request, unlike the
 * reference: files are staged in a temp folder, every row is inserted in one transaction, and
 * the files are moved into place only after the commit (removed if anything fails).
 */
@Injectable()
export class WorkoutUploadService {
  private readonly logger = new Logger(WorkoutUploadService.name);

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly sports: UploadSportsService,
    private readonly extras: WorkoutExtrasService,
    private readonly writer: WorkoutsWriter,
    private readonly serializer: WorkoutSerializer,
    private readonly metrics: AppMetrics,
  ) {}

  async create(
    user: User,
    parts: UploadParts,
    key?: IdempotencyRequest,
  ): Promise<WorkoutsListResponseDto> {
    const { file, limits } = parts;
    // A retry of a completed upload is answered before any file work.
    const request = file === undefined ? key : key?.withFile(file.originalname, file.chunks);
    const replay = await this.idempotency.find(user.id, request);
    if (replay !== undefined) {
      await parts.writes.discardAll().catch(() => undefined);
      return replay as WorkoutsListResponseDto;
    }
    const kind = checkUploadedFile(file, parts.hasEmptyFileName, limits, parts.requestSize);
    const data = parseUploadData(parts.data);
    const sport = await this.sports.resolve(user, data.sportId);
    const upload = file as UploadedFile;
    this.metrics.uploadBytes.observe({ type: kind }, upload.size);
    const inputs =
      kind === 'zip'
        ? (await extractWorkoutFiles(Buffer.concat(upload.chunks, upload.size), limits)).map(
            (member) => ({ name: member.name, data: [member.data] }),
          )
        : [{ name: upload.originalname, data: upload.chunks }];
    const options = { ...sport.analysis, maxSingleFileSize: limits.maxSingleFileSize };
    const context: GpxWorkoutContext = {
      userId: user.id,
      timezone: user.timezone,
      sportId: sport.id,
      sportLabel: sport.label,
      notes: data.notes,
    };
    const { writes } = parts;
    let outcome: Idempotent<WorkoutsListResponseDto>;
    try {
      const files: { file: AnalysedFile; gpxFile: Promise<StagedFile> }[] = [];
      for (const input of inputs) {
        // A GPX upload is already on disk and parsed, or on its way; other files are written
        // and synced while they are parsed: disk and CPU work together.
        const received = kind === 'gpx' ? parts.receivedGpx : undefined;
        let gpxFile = received?.file();
        // Failures too: a refused file may have cost as much as an accepted one.
        const timer = this.metrics.analysisSeconds.startTimer({
          format: getWorkoutFileExtension(input.name) ?? 'other',
        });
        const file = await analyseWorkoutFile(input.name, input.data, options, {
          onGpx: (gpx) => {
            gpxFile ??= writes.stageUnnamed(gpx);
          },
          parsed: received && (() => received.parsed()),
        }).finally(timer);
        files.push({ file, gpxFile: gpxFile ?? writes.stageUnnamed(file.gpx) });
      }
      // allSettled: every file is accounted for before a failure is handled.
      const settled = await Promise.allSettled(
        files.map(({ file, gpxFile }) => this.prepare(file, gpxFile, context, writes)),
      );
      const prepared = settled.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      outcome = await this.insertAll(user.id, prepared, request);
    } catch (error) {
      // Lost during the commit, the rows may exist: the storage resolves the files against them.
      const settle = isConnectionFailure(error) ? writes.handOver() : writes.discardAll();
      await settle.catch(() => undefined);
      throw error;
    }
    if (outcome.isReplay) await writes.discardAll().catch(() => undefined);
    else await writes.commitAll();
    return outcome.result;
  }

  /**
   * Names the GPX file, stages the map file of one workout and builds its rows
   * (docs/uploads.md#files).
   */
  private async prepare(
    file: AnalysedFile,
    gpxFile: Promise<StagedFile>,
    context: GpxWorkoutContext,
    writes: StagedWrites,
  ): Promise<PreparedWorkout> {
    const names = buildWorkoutFileNames(context.userId, context.sportId, file.analysis.start);
    // Awaited by the insert transaction just before it commits (the write may still be syncing).
    const gpxReady = gpxFile
      .then((staged) => writes.name(staged, names.gpx))
      .catch((error: unknown) => {
        this.logger.error(`workout file save failed: ${(error as Error).message}`);
        throw isKept(error) ? error : new WorkoutFileSaveError();
      });
    gpxReady.catch(() => undefined); // reported where awaited; never an unhandled rejection
    const [mapResult, weatherResult] = await Promise.allSettled([
      this.extras.renderMap(file.parsed),
      this.extras.fetchWeather(file.parsed),
    ]);
    const map = valueOf(mapResult);
    const weather = valueOf(weatherResult);
    // The map file is written while the rows are inserted, like the GPX file.
    const mapReady = map === null ? Promise.resolve() : this.stageFile(writes, names.map, map);
    mapReady.catch(() => undefined);
    const rows = toGpxWorkoutRows(file, context, {
      gpx: names.gpx,
      map: map === null ? null : names.map,
      mapId: map === null ? null : createHash('md5').update(map).digest('hex'),
      weatherStart: weather.start,
      weatherEnd: weather.end,
    });
    return { ...rows, filesReady: [gpxReady, mapReady] };
  }

  private async stageFile(writes: StagedWrites, path: string, data: Buffer): Promise<void> {
    try {
      await writes.stage(path, data);
    } catch (error) {
      this.logger.error(`workout file save failed: ${(error as Error).message}`);
      throw isKept(error) ? error : new WorkoutFileSaveError();
    }
  }

  /** The answer is built before the commit: once it succeeds, nothing can fail. */
  private async insertAll(
    userId: number,
    prepared: PreparedWorkout[],
    key: IdempotencyRequest | undefined,
  ): Promise<Idempotent<WorkoutsListResponseDto>> {
    try {
      return await this.writer.inIdempotentTransaction(userId, key, async (manager) => {
        const ids: number[] = [];
        for (const { workout, segments } of prepared)
          ids.push((await this.writer.insert(manager, workout, segments)).id);
        // The rows commit only once their files are safely on disk.
        await Promise.all(prepared.flatMap((p) => p.filesReady));
        const workouts = [];
        for (const id of ids) workouts.push(await this.serializer.serializeById(manager, id));
        return { workouts };
      });
    } catch (error) {
      if (error instanceof AppError || isConnectionFailure(error) || isStorageFull(error))
        throw error;
      this.logger.error(`workout insert failed: ${(error as Error).message}`);
      throw new WorkoutSaveError(500);
    }
  }
}

/** A full disk (507) and an unavailable object store (503) keep their own answer. */
function isKept(error: unknown): boolean {
  return isStorageFull(error) || error instanceof StorageUnavailableError;
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
