import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FitsColumn, InInt4Range, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';

export const USER_ORDER_BY = ['username', 'created_at', 'workouts_count', 'admin', 'is_active'];

/**
 * Query of `GET /api/users` (as in FitTrackee). FitTrackee answers 500 for a non-integer `page`
 * or `per_page` and for an unknown `order_by`; we answer 400 `invalid payload`.
 */
export class ListUsersQueryDto {
  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  @InInt4Range()
  page?: string;

  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  @InInt4Range()
  per_page?: string;

  /** Part of a username: longer than the column, it cannot match. */
  @IsOptional()
  @IsString()
  @FitsColumn(User, 'username')
  q?: string;

  /** `asc`, anything else sorts descending. */
  @IsOptional()
  @IsString()
  @NotStored()
  order?: string;

  @IsOptional()
  @IsIn(USER_ORDER_BY)
  order_by?: string;
}
