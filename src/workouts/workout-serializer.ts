import { Injectable } from '@nestjs/common';
import { DataNotFoundError } from 'src/common/errors/http-errors';
import { toWorkoutResponse } from 'src/workouts/dto/to-workout-response';
import type { WorkoutResponseDto } from 'src/workouts/dto/workout-response.dto';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import type { EntityManager } from 'typeorm';

/**
 * Loads one workout row (held records and segments included) and maps it. A row deleted by a
 * concurrent request since the caller found it is FitTrackee's 404 for an unknown workout.
 */
@Injectable()
export class WorkoutSerializer {
  constructor(private readonly workouts: WorkoutsRepository) {}

  async serializeById(manager: EntityManager, id: number): Promise<WorkoutResponseDto> {
    const row = await this.workouts.getRow(manager, id);
    if (row === undefined) throw new DataNotFoundError('workouts');
    return toWorkoutResponse(row);
  }
}
