import { Injectable } from '@nestjs/common';
import { AppError } from 'src/common/errors/app-error';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { SqlParams } from 'src/database/sql-params';
import type { User } from 'src/users/user.entity';
import { parseWorkoutDateTime } from 'src/workouts/date-input';
import type { UpdateWorkoutDto } from 'src/workouts/dto/update-workout.dto';
import type { WorkoutsListResponseDto } from 'src/workouts/dto/workout-response.dto';
import {
  assertStorableDistance,
  manualSpeed,
  parseElevationPair,
} from 'src/workouts/manual-workout';
import { RecordsRepository } from 'src/workouts/records/records.repository';
import { RecordsService } from 'src/workouts/records/records.service';
import { formatNaive, localToUtc } from 'src/workouts/user-time';
import { WorkoutSerializer } from 'src/workouts/workout-serializer';
import { WorkoutsService } from 'src/workouts/workouts.service';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';
import { EntityManager } from 'typeorm';

/**
 * The reference answers 500 with its default text for an unknown sport or bad date (FitTrackee
 * `PATCH /api/workouts/<workout_id>`).
 */
const updateError = (): AppError =>
  AppError.message(400, 'error', 'error, please try again or contact the administrator');

/** `PATCH /api/workouts/<id>` (FitTrackee `PATCH /api/workouts/<workout_id>`). */
@Injectable()
export class WorkoutUpdateService {
  constructor(
    private readonly workouts: WorkoutsService,
    private readonly writer: WorkoutsWriter,
    private readonly records: RecordsService,
    private readonly recordRows: RecordsRepository,
    private readonly serializer: WorkoutSerializer,
  ) {}

  async update(
    user: User,
    shortId: string,
    dto: UpdateWorkoutDto,
  ): Promise<WorkoutsListResponseDto> {
    // Refused for a workout with a file too, where it would be ignored: the payload is wrong.
    assertStorableDistance(dto.distance);
    // Serialized inside the transaction: a DELETE that commits right after cannot make the
    // answer of a successful update vanish (and one that committed first makes this a 404).
    const workout = await this.writer.inUserTransaction(user.id, async (manager) => {
      const workout = await this.workouts.findOwned(manager, user, shortId);
      const isManual = workout.gpx === null;
      const elevation = isManual ? this.checkElevation(dto) : undefined;
      const params = new SqlParams();
      const assignments: string[] = [];
      const set = (column: string, value: string): number =>
        assignments.push(`${column} = ${value}`);
      if (dto.sport_id) {
        const found = await manager.query<unknown[]>(`SELECT 1 FROM sports WHERE id = $1`, [
          dto.sport_id,
        ]);
        if (found.length === 0) throw updateError();
        set('sport_id', params.add(dto.sport_id));
      }
      if (dto.title) set('title', params.add(dto.title));
      if (dto.notes !== undefined && dto.notes !== null) set('notes', params.add(dto.notes));
      if (isManual) await this.applyManualChanges(manager, user, workout.id, dto, params, set);
      if (elevation) {
        set('ascent', `${params.add(elevation.ascent)}::numeric`);
        set('descent', `${params.add(elevation.descent)}::numeric`);
      }
      const heldSports = await this.recordRows.sportsHeldBy(manager, workout.id);
      await this.writer.updateColumns(manager, workout.id, params, assignments);
      await this.records.recompute(manager, user.id, [
        dto.sport_id || workout.sport_id,
        ...heldSports,
      ]);
      return this.serializer.serializeById(manager, workout.id);
    });
    return { workouts: [workout] };
  }

  /**
   * Manual workouts only; both keys present or both absent (by key presence, FitTrackee
   * `PATCH /api/workouts/<workout_id>`).
   */
  private checkElevation(
    dto: UpdateWorkoutDto,
  ): { ascent: number | null; descent: number | null } | undefined {
    if (dto.ascent === undefined && dto.descent === undefined) return undefined;
    if (dto.ascent === undefined || dto.descent === undefined) throw new InvalidPayloadError();
    return parseElevationPair(dto.ascent, dto.descent);
  }

  /**
   * Date, duration (with moving) and distance when truthy; speeds always recomputed (FitTrackee
   * `POST /api/workouts/no_gpx`).
   */
  private async applyManualChanges(
    manager: EntityManager,
    user: User,
    workoutId: number,
    dto: UpdateWorkoutDto,
    params: SqlParams,
    set: (column: string, value: string) => number,
  ): Promise<void> {
    if (dto.workout_date) {
      const local = parseWorkoutDateTime(dto.workout_date);
      if (local === undefined) throw updateError();
      set(
        'workout_date',
        `${params.add(formatNaive(localToUtc(local, user.timezone)))}::timestamp`,
      );
    }
    if (dto.duration) {
      const interval = `(${params.add(dto.duration)}::float8 * interval '1 second')`;
      set('duration', interval);
      set('moving', interval);
    }
    if (dto.distance) set('distance', `${params.add(String(dto.distance))}::numeric`);
    const current = await manager.query<{ duration_s: number; distance: string | null }[]>(
      `SELECT extract(epoch FROM duration)::float8 AS duration_s, distance::text AS distance
       FROM workouts WHERE id = $1`,
      [workoutId],
    );
    const duration = dto.duration || current[0]?.duration_s || 0;
    const distance = dto.distance || Number(current[0]?.distance ?? 0);
    const speed = manualSpeed(distance, duration);
    const value = `${params.add(speed === null ? null : String(speed))}::numeric`;
    set('ave_speed', value);
    set('max_speed', value);
  }
}
