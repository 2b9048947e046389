import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataNotFoundError } from 'src/common/errors/http-errors';
import type { User } from 'src/users/user.entity';
import type { SportResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { toSportResponse } from 'src/workouts/sports/dto/to-sport-response';
import { Sport } from 'src/workouts/sports/sport.entity';
import { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';
import { Workout } from 'src/workouts/workout.entity';
import { type EntityManager, In, Repository } from 'typeorm';

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
    @InjectRepository(UserSportPreference)
    private readonly preferences: Repository<UserSportPreference>,
    @InjectRepository(Workout) private readonly workouts: Repository<Workout>,
  ) {}

  async list(user: User): Promise<{ sports: SportResponseDto[] }> {
    const sports = await this.sports.find({ order: { id: 'ASC' } });
    return { sports: await this.serialize(user, sports) };
  }

  async getById(user: User, id: string): Promise<{ sports: SportResponseDto[] }> {
    const sport = await this.findOrFail(id);
    return { sports: await this.serialize(user, [sport]) };
  }

  /** Admin only; deactivating leaves existing workouts untouched. */
  async update(user: User, id: string, isActive: boolean): Promise<{ sports: SportResponseDto[] }> {
    const sport = await this.findOrFail(id);
    sport.isActive = isActive;
    await this.sports.save(sport);
    return { sports: await this.serialize(user, [sport]) };
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

  private async serialize(user: User, sports: Sport[]): Promise<SportResponseDto[]> {
    const ids = sports.map((sport) => sport.id);
    const preferences = await this.preferences.findBy({ userId: user.id, sportId: In(ids) });
    const bySport = new Map(preferences.map((preference) => [preference.sportId, preference]));
    const used = user.admin ? await this.sportsWithWorkouts(ids) : undefined;
    return sports.map((sport) =>
      toSportResponse(sport, bySport.get(sport.id) ?? null, used?.has(sport.id)),
    );
  }

  private async sportsWithWorkouts(ids: number[]): Promise<Set<number>> {
    const rows: { sport_id: number }[] = await this.workouts.query(
      `SELECT s.id AS sport_id FROM unnest($1::int[]) AS s(id)
       WHERE EXISTS (SELECT 1 FROM workouts w WHERE w.sport_id = s.id)`,
      [ids],
    );
    return new Set(rows.map((row) => row.sport_id));
  }
}
