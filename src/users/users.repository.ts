import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { User } from 'src/users/user.entity';
import { Repository } from 'typeorm';

export type UserOrderBy = 'username' | 'created_at' | 'workouts_count' | 'admin' | 'is_active';

export interface UserListQuery {
  page: number;
  perPage: number;
  q: string | undefined;
  isAscending: boolean;
  orderBy: UserOrderBy;
}

const COLUMNS: Readonly<Record<Exclude<UserOrderBy, 'workouts_count'>, string>> = {
  username: 'user.username',
  created_at: 'user.createdAt',
  admin: 'user.admin',
  is_active: 'user.isActive',
};

/** Query code of the users list (queries live in a repository, rules in services). */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * FitTrackee filters with `username ILIKE '%q%'` (so `%` and `_` stay wildcards) and sorts on
   * one column; `id` is only added as a tie-breaker so that pages never overlap.
   */
  async list(query: UserListQuery): Promise<[User[], number]> {
    const builder = this.users.createQueryBuilder('user');
    if (query.q !== undefined && query.q !== '')
      builder.where('user.username ILIKE :q', { q: `%${query.q}%` });
    const direction = query.isAscending ? 'ASC' : 'DESC';
    if (query.orderBy === 'workouts_count') {
      builder.orderBy(await this.workoutsCountExpression(), direction);
    } else {
      builder.orderBy(COLUMNS[query.orderBy], direction);
    }
    builder.addOrderBy('user.id', 'ASC');
    builder.offset((query.page - 1) * query.perPage).limit(query.perPage);
    return builder.getManyAndCount();
  }

  /**
   * Number of workouts of the user. The workouts feature owns the `workouts` table (with a
   * `user_id` column, as in FitTrackee); before it exists every user counts zero.
   */
  private async workoutsCountExpression(): Promise<string> {
    const rows: { exists: boolean }[] = await this.users.query(
      `SELECT to_regclass('workouts') IS NOT NULL AS "exists"`,
    );
    return rows[0]?.exists === true
      ? '(SELECT count(*) FROM "workouts" "w" WHERE "w"."user_id" = "user"."id")'
      : '(SELECT 0)';
  }
}
