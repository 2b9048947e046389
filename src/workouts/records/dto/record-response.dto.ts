/** A record (FitTrackee `GET /api/records`); `value` is a number, or timedelta text for `LD`. */
export class RecordResponseDto {
  id!: number;
  record_type!: string;
  sport_id!: number;
  user!: string;
  value!: number | string;
  workout_date!: string;
  workout_id!: string;
}

export class RecordsListResponseDto {
  records!: RecordResponseDto[];
}
