import { Injectable } from '@nestjs/common';
import { InjectEntityManager, InjectRepository } from '@nestjs/typeorm';
import { DataNotFoundError } from 'src/common/errors/http-errors';
import { PreparedQueries } from 'src/database/prepared-queries';
import type { User } from 'src/users/user.entity';
import type { SportResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { toSportResponse } from 'src/workouts/sports/dto/to-sport-response';
import { Sport } from 'src/workouts/sports/sport.entity';
import { ONE_SPORT, type SportRow } from 'src/workouts/sports/sport-rows';
import { EntityManager, Repository } from 'typeorm';

/** Parses a path id the way Flask's `<int:...>` would match it; anything else names no sport. */
export function parseSportId(text: string): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}

/** `GET /api/sports`, `GET/PATCH /api/sports/<id>`. */
@Injectable()
export class SportsService {
  constructor(
    @InjectRepository(Sport) private readonly sports: Repository<Sport>,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly queries: PreparedQueries,
  ) {}

  /** The sports with the caller's preferences (and usage, for admins), read with the token. */
  list(sports: readonly SportResponseDto[]): { sports: readonly SportResponseDto[] } {
    return { sports };
  }

  async getById(user: User, id: string): Promise<{ sports: SportResponseDto[] }> {
    const sportId = parseSportId(id);
    if (sportId === undefined) throw new DataNotFoundError('sports');
    return { sports: [await this.readOne(user, sportId)] };
  }

  /** Admin only; deactivating leaves existing workouts untouched. */
  async update(user: User, id: string, isActive: boolean): Promise<{ sports: SportResponseDto[] }> {
    const sport = await this.findOrFail(id);
    sport.isActive = isActive;
    await this.sports.save(sport);
    return { sports: [await this.readOne(user, sport.id)] };
  }

  /**
   * For file uploads (FitTrackee `POST /api/workouts`): the sport's label (default titles)
   * and the stopped-speed threshold T, the user's preference if any, else the sport default.
   * Undefined for an unknown sport. Pass the transaction's manager when inside one.
   */
  async getForUpload(
    manager: EntityManager,
    userId: number,
    sportId: number,
  ): Promise<{ label: string; stoppedSpeedThreshold: number } | undefined> {
    const rows: { label: string; threshold: number }[] = await manager.query(
      `SELECT s.label, coalesce(p.stopped_speed_threshold, s.stopped_speed_threshold) AS threshold
       FROM sports s
       LEFT JOIN users_sports_preferences p ON p.sport_id = s.id AND p.user_id = $1
       WHERE s.id = $2`,
      [userId, sportId],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { label: row.label, stoppedSpeedThreshold: row.threshold };
  }

  private async findOrFail(id: string): Promise<Sport> {
    const sportId = parseSportId(id);
    const sport = sportId === undefined ? null : await this.sports.findOneBy({ id: sportId });
    if (!sport) throw new DataNotFoundError('sports');
    return sport;
  }

  private async readOne(user: User, sportId: number): Promise<SportResponseDto> {
    const [row] = await this.queries.rows<SportRow>(
      ONE_SPORT,
      [user.id, user.admin, sportId],
      this.manager,
    );
    if (row === undefined) throw new DataNotFoundError('sports');
    return toSportResponse(row);
  }
}
