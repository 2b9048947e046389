import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EditPreferencesDto } from 'src/auth/dto/edit-preferences.dto';
import type { EditProfileDto } from 'src/auth/dto/edit-profile.dto';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import type { UserResponseDto } from 'src/users/dto/user-response.dto';
import { User } from 'src/users/user.entity';
import { normalizeLanguage } from 'src/users/user-rules';
import { UserSerializer } from 'src/users/user-serializer.service';
import type { OwnSummary } from 'src/users/user-workout-summary';
import { Repository } from 'typeorm';

/** `YYYY-MM-DD` at midnight UTC; an impossible date (2023-02-30) is `invalid payload`. */
function parseBirthDate(value: string | null): Date | null {
  if (value === null || value === '') return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new InvalidPayloadError();
  return date;
}

/**
 * Profile and preferences of the authenticated user (FitTrackee `GET /api/auth/profile`,
 * `POST /api/auth/profile/edit`, `POST /api/auth/profile/edit/preferences`).
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly serializer: UserSerializer,
  ) {}

  /** `ownSummary`: the figures read with the token, when they were. */
  get(user: User, ownSummary?: OwnSummary): Promise<UserResponseDto> {
    return this.serializer.serializeSelf(user, ownSummary);
  }

  async edit(user: User, dto: EditProfileDto): Promise<TopLevelResult> {
    user.firstName = dto.first_name;
    user.lastName = dto.last_name;
    user.bio = dto.bio;
    user.location = dto.location;
    user.birthDate = parseBirthDate(dto.birth_date);
    return this.saved(user, 'user profile updated');
  }

  async editPreferences(user: User, dto: EditPreferencesDto): Promise<TopLevelResult> {
    user.dateFormat = dto.date_format;
    user.displayAscent = dto.display_ascent;
    user.imperialUnits = dto.imperial_units;
    user.language = normalizeLanguage(dto.language);
    user.startElevationAtZero = dto.start_elevation_at_zero;
    user.timezone = dto.timezone;
    user.useDarkMode = dto.use_dark_mode;
    user.useRawGpxSpeed = dto.use_raw_gpx_speed;
    user.weekm = dto.weekm;
    return this.saved(user, 'user preferences updated');
  }

  private async saved(user: User, message: string): Promise<TopLevelResult> {
    const saved = await this.users.save(user);
    return topLevel({ message, data: await this.serializer.serializeSelf(saved) });
  }
}
