import { IsBoolean } from 'class-validator';

/** `PATCH /api/sports/<id>` (FitTrackee `/api/sports`): `is_active` is required and not null. */
export class UpdateSportDto {
  @IsBoolean()
  is_active!: boolean;
}
