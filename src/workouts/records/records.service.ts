import { Injectable } from '@nestjs/common';
import type {
  RecordResponseDto,
  RecordsListResponseDto,
} from 'src/workouts/records/dto/record-response.dto';
import { RecordsRepository } from 'src/workouts/records/records.repository';
import type { EntityManager } from 'typeorm';

/**
 * Records. Writers call `recompute` with their transaction's manager
 * after changing workouts, while holding the user's row lock (see WorkoutsWriter.lockUser),
 * so concurrent writes by one user never leave a stale or duplicate record.
 */
@Injectable()
export class RecordsService {
  constructor(private readonly records: RecordsRepository) {}

  async recompute(
    manager: EntityManager,
    userId: number,
    sportIds: Iterable<number>,
  ): Promise<void> {
    for (const sportId of new Set(sportIds)) await this.records.recompute(manager, userId, sportId);
  }

  /** The caller's records, read with the token (RECORDS_READ). */
  list(records: readonly RecordResponseDto[]): RecordsListResponseDto {
    return { records };
  }
}
