import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdempotencyService, type Idempotent } from 'src/common/idempotency/idempotency.service';
import type { IdempotencyRequest } from 'src/common/idempotency/idempotency-request';
import { SqlParams } from 'src/database/sql-params';
import { recordWorkoutEvent } from 'src/webhooks/outbox/record-workout-event';
import { WEBHOOK_EVENT } from 'src/webhooks/webhook-events';
import { RecordsService } from 'src/workouts/records/records.service';
import { formatNaive } from 'src/workouts/user-time';
import { DataSource, type EntityManager } from 'typeorm';

/** Figures shared by workouts and segments; durations in seconds, raw floats for decimals. */
export interface WorkoutFigures {
  duration: number;
  pauses: number | null;
  moving: number | null;
  distance: number | null;
  minAlt: number | null;
  maxAlt: number | null;
  descent: number | null;
  ascent: number | null;
  maxSpeed: number | null;
  aveSpeed: number | null;
}

/** A workout to insert (FitTrackee workout model); `workoutDate` is naive UTC. */
export interface NewWorkout extends WorkoutFigures {
  userId: number;
  sportId: number;
  title: string | null;
  workoutDate: Date;
  notes: string | null;
  gpx?: string | null;
  bounds?: number[] | null;
  map?: string | null;
  mapId?: string | null;
  weatherStart?: Record<string, unknown> | null;
  weatherEnd?: Record<string, unknown> | null;
}

/** A segment of the first GPX track; `segmentId` is 0-based. */
export interface NewSegment extends WorkoutFigures {
  segmentId: number;
}

const FIGURE_COLUMNS = [
  'duration',
  'pauses',
  'moving',
  'distance',
  'min_alt',
  'max_alt',
  'descent',
  'ascent',
  'max_speed',
  'ave_speed',
] as const;

function figureValues(params: SqlParams, figures: WorkoutFigures): string[] {
  const interval = (seconds: number | null): string =>
    `(${params.add(seconds)}::float8 * interval '1 second')`;
  // Decimals go in as text so PostgreSQL rounds them half away from zero, like the reference.
  const decimal = (value: number | null): string =>
    `${params.add(value === null ? null : String(value))}::numeric`;
  return [
    interval(figures.duration),
    interval(figures.pauses),
    interval(figures.moving),
    decimal(figures.distance),
    decimal(figures.minAlt),
    decimal(figures.maxAlt),
    decimal(figures.descent),
    decimal(figures.ascent),
    decimal(figures.maxSpeed),
    decimal(figures.aveSpeed),
  ];
}

/**
 * Every write to workouts goes through here, inside `inUserTransaction`: the owner's row is
 * locked first (`SELECT … FOR UPDATE`), so one user's writes are serialized and records are
 * recomputed from a consistent set of workouts. Always pass the transaction's manager on:
 * the embedded database has a single connection.
 */
@Injectable()
export class WorkoutsWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: RecordsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  inUserTransaction<T>(userId: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      return work(manager);
    });
  }

  /**
   * `inUserTransaction` for a create request: with an `Idempotency-Key`, a retry gets the
   * result stored by the first request instead of running `work` again.
   */
  inIdempotentTransaction<T>(
    userId: number,
    request: IdempotencyRequest | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<Idempotent<T>> {
    return this.inUserTransaction(userId, (manager) =>
      this.idempotency.run(manager, userId, request, () => work(manager)),
    );
  }

  /**
   * Inserts the workout and its segments, then recomputes the records of its sport (FitTrackee
   * `GET /api/records`).
   */
  async insert(
    manager: EntityManager,
    workout: NewWorkout,
    segments: NewSegment[] = [],
  ): Promise<{ id: number; uuid: string }> {
    const uuid = randomUUID();
    const params = new SqlParams();
    const values = [
      params.add(uuid),
      params.add(workout.userId),
      params.add(workout.sportId),
      params.add(workout.title),
      params.add(workout.gpx ?? null),
      `${params.add(formatNaive(workout.workoutDate))}::timestamp`,
      ...figureValues(params, workout),
      `${params.add(workout.bounds ?? null)}::float8[]`,
      params.add(workout.map ?? null),
      params.add(workout.mapId ?? null),
      `${params.add(workout.weatherStart ? JSON.stringify(workout.weatherStart) : null)}::json`,
      `${params.add(workout.weatherEnd ? JSON.stringify(workout.weatherEnd) : null)}::json`,
      params.add(workout.notes),
    ];
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO workouts (uuid, user_id, sport_id, title, gpx, workout_date, ${FIGURE_COLUMNS.join(', ')},
         bounds, map, map_id, weather_start, weather_end, notes)
       VALUES (${values.join(', ')}) RETURNING id`,
      params.values,
    );
    const id = rows[0]?.id ?? 0;
    for (const segment of segments) await this.insertSegment(manager, id, uuid, segment);
    await recordWorkoutEvent(manager, WEBHOOK_EVENT.WORKOUT_CREATED, id);
    await this.records.recompute(manager, workout.userId, [workout.sportId]);
    return { id, uuid };
  }

  private async insertSegment(
    manager: EntityManager,
    workoutId: number,
    uuid: string,
    segment: NewSegment,
  ): Promise<void> {
    const params = new SqlParams();
    const values = [params.add(workoutId), params.add(uuid), params.add(segment.segmentId)];
    values.push(...figureValues(params, segment));
    await manager.query(
      `INSERT INTO workout_segments (workout_id, workout_uuid, segment_id, ${FIGURE_COLUMNS.join(', ')})
       VALUES (${values.join(', ')})`,
      params.values,
    );
  }

  /**
   * Applies column changes (`column = expression` with values already bound to `params`); the
   * webhook event names the columns set, which are the API's field names.
   */
  async updateColumns(
    manager: EntityManager,
    workoutId: number,
    params: SqlParams,
    assignments: string[],
  ): Promise<void> {
    const changes = assignments.map((assignment) => assignment.split(' = ')[0] ?? assignment);
    await recordWorkoutEvent(manager, WEBHOOK_EVENT.WORKOUT_UPDATED, workoutId, changes);
    assignments.push(`modification_date = (now() AT TIME ZONE 'utc')`);
    await manager.query(
      `UPDATE workouts SET ${assignments.join(', ')} WHERE id = ${params.add(workoutId)}`,
      params.values,
    );
  }

  /**
   * Deletes the row (segments and held records cascade), then re-elects records (FitTrackee
   * `DELETE /api/workouts/<workout_id>`).
   */
  async remove(
    manager: EntityManager,
    workout: { id: number; user_id: number; sport_id: number },
  ): Promise<void> {
    const held = await manager.query<{ sport_id: number }[]>(
      `SELECT DISTINCT sport_id FROM records WHERE workout_id = $1`,
      [workout.id],
    );
    await recordWorkoutEvent(manager, WEBHOOK_EVENT.WORKOUT_DELETED, workout.id);
    await manager.query(`DELETE FROM workouts WHERE id = $1`, [workout.id]);
    await this.records.recompute(manager, workout.user_id, [
      workout.sport_id,
      ...held.map((row) => row.sport_id),
    ]);
  }
}
