import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InvalidPayloadError, NotFoundError } from 'src/common/errors/http-errors';
import type { User } from 'src/users/user.entity';
import type { EditSportPreferenceDto } from 'src/workouts/sports/dto/edit-sport-preference.dto';
import type { SportPreferenceResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { Sport } from 'src/workouts/sports/sport.entity';
import { parseSportId } from 'src/workouts/sports/sports.service';
import { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';
import { Repository } from 'typeorm';

const HEX_COLOR = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/** User sport preferences. */
@Injectable()
export class SportPreferencesService {
  constructor(
    @InjectRepository(Sport) private readonly sports: Repository<Sport>,
    @InjectRepository(UserSportPreference)
    private readonly preferences: Repository<UserSportPreference>,
  ) {}

  async edit(user: User, changes: EditSportPreferenceDto): Promise<SportPreferenceResponseDto> {
    const hasSetting =
      changes.color !== undefined ||
      changes.is_active !== undefined ||
      changes.stopped_speed_threshold !== undefined;
    if (!hasSetting) throw new InvalidPayloadError();
    const sport = await this.sports.findOneBy({ id: changes.sport_id });
    if (!sport) throw new NotFoundError('sport does not exist');
    const preference =
      (await this.preferences.findOneBy({ userId: user.id, sportId: sport.id })) ??
      this.preferences.create({
        userId: user.id,
        sportId: sport.id,
        color: null,
        isActive: true,
        stoppedSpeedThreshold: sport.stoppedSpeedThreshold,
      });
    // Same order and truthiness rules as the reference: colour, then activity, then threshold.
    if (changes.color) {
      if (!HEX_COLOR.test(changes.color))
        throw new InvalidPayloadError('invalid hexadecimal color');
      preference.color = changes.color;
    }
    if (changes.is_active !== undefined && changes.is_active !== null)
      preference.isActive = changes.is_active;
    if (changes.stopped_speed_threshold)
      preference.stoppedSpeedThreshold = changes.stopped_speed_threshold;
    const saved = await this.preferences.save(preference);
    return {
      user_id: saved.userId,
      sport_id: saved.sportId,
      color: saved.color,
      is_active: saved.isActive,
      stopped_speed_threshold: saved.stoppedSpeedThreshold,
    };
  }

  /** Removes the preference row if any; an unknown sport is a 404. */
  async reset(user: User, id: string): Promise<void> {
    const sportId = parseSportId(id);
    const sport = sportId === undefined ? null : await this.sports.findOneBy({ id: sportId });
    if (!sport) throw new NotFoundError('sport does not exist');
    await this.preferences.delete({ userId: user.id, sportId: sport.id });
  }
}
