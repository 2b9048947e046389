import { Injectable } from '@nestjs/common';
import { toSegmentResponse, toWorkoutResponse } from 'src/workouts/dto/to-workout-response';
import type { WorkoutResponseDto } from 'src/workouts/dto/workout-response.dto';
import { toRecordResponse } from 'src/workouts/records/dto/to-record-response';
import { RecordsRepository } from 'src/workouts/records/records.repository';
import type { WorkoutRow } from 'src/workouts/workout-rows';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import type { EntityManager } from 'typeorm';

/** Loads held records and segments for a batch of rows in two queries, then maps them. */
@Injectable()
export class WorkoutSerializer {
  constructor(
    private readonly workouts: WorkoutsRepository,
    private readonly records: RecordsRepository,
  ) {}

  async serialize(manager: EntityManager, rows: WorkoutRow[]): Promise<WorkoutResponseDto[]> {
    const ids = rows.map((row) => row.id);
    // Sequential: `manager` may be a transaction's, whose single client must not be shared.
    const records = await this.records.findByWorkouts(manager, ids);
    const segments = await this.workouts.findSegments(manager, ids);
    return rows.map((row) =>
      toWorkoutResponse(
        row,
        records.filter((record) => record.workout_id === row.id).map(toRecordResponse),
        segments.filter((segment) => segment.workout_id === row.id).map(toSegmentResponse),
      ),
    );
  }

  async serializeById(manager: EntityManager, id: number): Promise<WorkoutResponseDto> {
    const row = await this.workouts.getRow(manager, id);
    if (row === undefined) throw new Error(`workout ${id} vanished`);
    const [workout] = await this.serialize(manager, [row]);
    if (workout === undefined) throw new Error(`workout ${id} vanished`);
    return workout;
  }
}
