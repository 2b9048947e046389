import { Injectable } from '@nestjs/common';
import { toWorkoutResponse } from 'src/workouts/dto/to-workout-response';
import type { WorkoutResponseDto } from 'src/workouts/dto/workout-response.dto';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import type { EntityManager } from 'typeorm';

/** Loads one workout row (held records and segments included) and maps it. */
@Injectable()
export class WorkoutSerializer {
  constructor(private readonly workouts: WorkoutsRepository) {}

  async serializeById(manager: EntityManager, id: number): Promise<WorkoutResponseDto> {
    const row = await this.workouts.getRow(manager, id);
    if (row === undefined) throw new Error(`workout ${id} vanished`);
    return toWorkoutResponse(row);
  }
}
