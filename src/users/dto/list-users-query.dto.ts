import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const USER_ORDER_BY = ['username', 'created_at', 'workouts_count', 'admin', 'is_active'];

/**
 * Query of `GET /api/users` (spec users.md §1). FitTrackee answers 500 for a non-integer `page`
 * or `per_page` and for an unknown `order_by`; we answer 400 `invalid payload`.
 */
export class ListUsersQueryDto {
  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  page?: string;

  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  per_page?: string;

  @IsOptional()
  @IsString()
  q?: string;

  /** `asc`, anything else sorts descending. */
  @IsOptional()
  @IsString()
  order?: string;

  @IsOptional()
  @IsIn(USER_ORDER_BY)
  order_by?: string;
}
