import { IsBoolean } from 'class-validator';

/** FitTrackee `PATCH /api/sports/<id>`: `is_active` is required and not null. */
export class UpdateSportDto {
  /** `false` disables the sport for every user; their workouts stay. */
  @IsBoolean()
  is_active!: boolean;
}
