import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FitsColumn, InInt4Range, NotStored } from 'src/common/validation/string-bounds.decorators';
import { User } from 'src/users/user.entity';

export const USER_ORDER_BY = ['username', 'created_at', 'workouts_count', 'admin', 'is_active'];

/**
 * Query of `GET /api/users` (FitTrackee `GET /api/users`). FitTrackee answers 500 for a
 * non-integer `page` or `per_page` and for an unknown `order_by`; we answer 400 `invalid payload`.
 */
export class ListUsersQueryDto {
  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  @InInt4Range()
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\s*[-+]?\\d+\\s*$',
    default: '1',
    example: '1',
    description: 'Page number, an integer; below 1 means the first page.',
  })
  page?: string;

  @IsOptional()
  @Matches(/^\s*[-+]?\d+\s*$/)
  @InInt4Range()
  @ApiPropertyOptional({
    type: 'string',
    pattern: '^\\s*[-+]?\\d+\\s*$',
    default: '10',
    example: '10',
    description: 'Users per page, an integer: at most 50; below 1 means 20.',
  })
  per_page?: string;

  /** Part of a username, case-insensitive: longer than the column, it cannot match. */
  @IsOptional()
  @IsString()
  @FitsColumn(User, 'username')
  q?: string;

  /** `asc` (the default), anything else sorts descending. */
  @IsOptional()
  @IsString()
  @NotStored()
  @ApiPropertyOptional({ type: 'string', default: 'asc', example: 'desc' })
  order?: string;

  @IsOptional()
  @IsIn(USER_ORDER_BY)
  @ApiPropertyOptional({
    enum: USER_ORDER_BY,
    default: 'username',
    description: 'Sort key; any other value is refused with 400 `invalid payload`.',
  })
  order_by?: string;
}
