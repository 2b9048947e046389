import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A sport as seen by the caller: their own preference overrides colour, activity and threshold. */
export class SportResponseDto {
  @ApiProperty({ type: 'integer', example: 1 })
  id!: number;

  /** FitTrackee's sport label, e.g. `Cycling (Sport)`, `Hiking`, `Running`. */
  label!: string;

  /** Whether the sport is enabled on the instance (an admin setting). */
  is_active!: boolean;

  /** Enabled on the instance and not disabled by the caller. */
  is_active_for_user!: boolean;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The caller’s colour for this sport (`#RRGGBB` or `#RGB`), null by default.',
    example: '#ff9800',
  })
  color!: string | null;

  /** Speed (km/h) under which a GPX point counts as stopped, the caller’s or the sport’s. */
  stopped_speed_threshold!: number;

  @ApiPropertyOptional({
    description: 'Only for admins: whether any user has a workout of this sport.',
  })
  has_workouts?: boolean;
}

export class SportsListResponseDto {
  // Named: the element type of a readonly array is not read from its declaration.
  @ApiProperty({ type: () => [SportResponseDto] })
  sports!: readonly SportResponseDto[];
}

/** The stored preference, as FitTrackee `POST /api/auth/profile/edit/sports` returns it. */
export class SportPreferenceResponseDto {
  @ApiProperty({ type: 'integer', example: 1 })
  user_id!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  sport_id!: number;

  @ApiProperty({ type: 'string', nullable: true, example: '#ff9800' })
  color!: string | null;

  is_active!: boolean;

  /** km/h. */
  stopped_speed_threshold!: number;
}

/** `{"status": "success", "message": "user sport preferences updated", "data": {…}}`. */
export class SportPreferenceUpdatedResponseDto {
  @ApiProperty({ enum: ['success'] })
  status!: 'success';

  @ApiProperty({ enum: ['user sport preferences updated'] })
  message!: string;

  data!: SportPreferenceResponseDto;
}
