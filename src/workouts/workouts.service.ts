import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import {
  buildPagination,
  paginated,
  type PaginatedResult,
} from 'src/common/envelope/envelope.types';
import { AppError } from 'src/common/errors/app-error';
import {
  DataNotFoundError,
  ForbiddenError,
  InvalidPayloadError,
} from 'src/common/errors/http-errors';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import type { User } from 'src/users/user.entity';
import { parseWorkoutDateTime } from 'src/workouts/date-input';
import type { CreateManualWorkoutDto } from 'src/workouts/dto/create-manual-workout.dto';
import { toWorkoutResponse } from 'src/workouts/dto/to-workout-response';
import type { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import { parseWorkoutFilters } from 'src/workouts/list-workouts.query';
import {
  assertStorableDistance,
  manualSpeed,
  parseElevationPair,
} from 'src/workouts/manual-workout';
import type { PageReadWithToken } from 'src/workouts/read-with-token';
import { decodeShortId } from 'src/workouts/short-id';
import { formatInZone, localToUtc } from 'src/workouts/user-time';
import { WorkoutFilesService } from 'src/workouts/workout-files.service';
import type { WorkoutRow } from 'src/workouts/workout-rows';
import { WorkoutSerializer } from 'src/workouts/workout-serializer';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';
import { EntityManager } from 'typeorm';

/**
 * The reference's save failure on a manual workout: bad date or unknown sport (FitTrackee
 * `POST /api/workouts/no_gpx`).
 */
const saveError = (): AppError => AppError.message(400, 'fail', 'Error during workout save.');

export interface OwnedWorkout {
  id: number;
  user_id: number;
  sport_id: number;
  gpx: string | null;
}

/**
 * Workouts CRUD (FitTrackee `GET /api/workouts`, `GET /api/workouts/<workout_id>`,
 * `POST /api/workouts/no_gpx`, `PATCH /api/workouts/<workout_id>`).
 */
@Injectable()
export class WorkoutsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly workouts: WorkoutsRepository,
    private readonly serializer: WorkoutSerializer,
    private readonly writer: WorkoutsWriter,
    private readonly files: WorkoutFilesService,
  ) {}

  /** The page read with the token when there is one, else read here. */
  async list(
    user: User,
    query: Record<string, unknown>,
    readWithToken?: PageReadWithToken,
  ): Promise<PaginatedResult<WorkoutsListResponseDto>> {
    const { filters, rows, total } = readWithToken ?? (await this.readPage(user, query));
    const workouts = rows.map(toWorkoutResponse);
    return paginated({ workouts }, buildPagination(filters.page, filters.perPage, total));
  }

  private async readPage(user: User, query: Record<string, unknown>): Promise<PageReadWithToken> {
    const filters = parseWorkoutFilters(query, user.timezone);
    const rows = await this.workouts.listPage(this.manager, user.id, filters);
    const total = rows[0]?.total ?? (await this.workouts.count(this.manager, user.id, filters));
    return { filters, rows, total };
  }

  /**
   * The row the id names, read with the token (null: none), its owner checked afterwards: the
   * same 404/403 as `findOwned`.
   */
  getById(user: User, row: WorkoutRow | null): WorkoutsListResponseDto {
    if (row === null) throw new DataNotFoundError('workouts');
    if (row.user_id !== user.id) throw new ForbiddenError();
    return { workouts: [toWorkoutResponse(row)] };
  }

  /**
   * The answer is built inside the transaction: once the commit succeeds nothing can fail, so a
   * committed workout is never reported as an error (the client would create it again).
   */
  async createManual(
    user: User,
    dto: CreateManualWorkoutDto,
    key?: IdempotencyRequest,
  ): Promise<WorkoutsListResponseDto> {
    if (!dto.workout_date) throw new InvalidPayloadError();
    assertStorableDistance(dto.distance);
    const { ascent, descent } = parseElevationPair(dto.ascent, dto.descent);
    const local = parseWorkoutDateTime(dto.workout_date);
    if (local === undefined) throw saveError();
    const workoutDate = localToUtc(local, user.timezone);
    const speed = manualSpeed(dto.distance, dto.duration);
    const { result } = await this.writer.inIdempotentTransaction(user.id, key, async (manager) => {
      const sports = await manager.query<{ label: string }[]>(
        `SELECT label FROM sports WHERE id = $1`,
        [dto.sport_id],
      );
      const sport = sports[0];
      if (sport === undefined) throw saveError();
      const title = dto.title
        ? dto.title
        : `${sport.label} - ${formatInZone(workoutDate, user.timezone)}`;
      const created = await this.writer.insert(manager, {
        userId: user.id,
        sportId: dto.sport_id,
        title,
        workoutDate,
        notes: dto.notes ?? null,
        duration: dto.duration,
        moving: dto.duration,
        pauses: null,
        distance: dto.distance,
        aveSpeed: speed,
        maxSpeed: speed,
        ascent,
        descent,
        minAlt: null,
        maxAlt: null,
      });
      return { workouts: [await this.serializer.serializeById(manager, created.id)] };
    });
    return result;
  }

  /**
   * FitTrackee `DELETE /api/workouts/<workout_id>`: 404/403 first, then the row, its segments and
   * held records; files last.
   */
  async remove(user: User, shortId: string): Promise<void> {
    const workout = await this.writer.inUserTransaction(user.id, async (manager) => {
      const owned = await this.findOwned(manager, user, shortId);
      const files = await manager.query<{ gpx: string | null; map: string | null }[]>(
        `SELECT gpx, map FROM workouts WHERE id = $1`,
        [owned.id],
      );
      await this.writer.remove(manager, owned);
      return files[0] ?? { gpx: null, map: null };
    });
    await this.files.removeWorkoutFiles(workout);
  }

  /**
   * Unknown or malformed id → 404 data-not-found; another user's → 403 (FitTrackee
   * `GET /api/workouts/<workout_id>`).
   */
  async findOwned(manager: EntityManager, user: User, shortId: string): Promise<OwnedWorkout> {
    const uuid = decodeShortId(shortId);
    const workout = uuid === null ? undefined : await this.workouts.findIdByUuid(manager, uuid);
    if (workout === undefined) throw new DataNotFoundError('workouts');
    if (workout.user_id !== user.id) throw new ForbiddenError();
    return workout;
  }
}
