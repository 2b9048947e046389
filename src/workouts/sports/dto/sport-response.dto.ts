/** A sport as seen by the caller (FitTrackee `GET /api/sports`). */
export class SportResponseDto {
  id!: number;
  label!: string;
  is_active!: boolean;
  is_active_for_user!: boolean;
  color!: string | null;
  stopped_speed_threshold!: number;
  /** Only for admins: whether any user has a workout of this sport. */
  has_workouts?: boolean;
}

export class SportsListResponseDto {
  sports!: SportResponseDto[];
}

/** `POST /api/auth/profile/edit/sports` data (as in FitTrackee). */
export class SportPreferenceResponseDto {
  user_id!: number;
  sport_id!: number;
  color!: string | null;
  is_active!: boolean;
  stopped_speed_threshold!: number;
}
