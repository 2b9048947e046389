import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { User } from 'src/users/user.entity';
import type { RecordsListResponseDto } from 'src/workouts/records/dto/record-response.dto';
import { toRecordResponse } from 'src/workouts/records/dto/to-record-response';
import { type RecordRow, RecordsRepository } from 'src/workouts/records/records.repository';
import { EntityManager } from 'typeorm';

/**
 * Records. Writers call `recompute` with their transaction's manager
 * after changing workouts, while holding the user's row lock (see WorkoutsWriter.lockUser),
 * so concurrent writes by one user never leave a stale or duplicate record.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly records: RecordsRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async recompute(
    manager: EntityManager,
    userId: number,
    sportIds: Iterable<number>,
  ): Promise<void> {
    for (const sportId of new Set(sportIds)) await this.records.recompute(manager, userId, sportId);
  }

  /** The caller's records: `read`, when they were read with the token (RECORDS_READ), else one query. */
  async list(user: User, read?: RecordRow[]): Promise<RecordsListResponseDto> {
    const rows = read ?? (await this.records.findByUser(this.manager, user.id));
    return { records: rows.map(toRecordResponse) };
  }
}
