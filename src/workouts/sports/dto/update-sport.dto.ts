import { IsBoolean } from 'class-validator';

/** `PATCH /api/sports/<id>` (spec workouts.md §8.4): `is_active` is required and not null. */
export class UpdateSportDto {
  @IsBoolean()
  is_active!: boolean;
}
