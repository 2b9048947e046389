import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  buildPagination,
  paginated,
  type PaginatedResult,
} from 'src/common/envelope/envelope.types';
import { ForbiddenError, NotFoundError } from 'src/common/errors/http-errors';
import type { ListUsersQueryDto } from 'src/users/dto/list-users-query.dto';
import type { UsersResponseDto } from 'src/users/dto/users-response.dto';
import { User } from 'src/users/user.entity';
import { UserSerializer } from 'src/users/user-serializer.service';
import { type UserOrderBy, UsersRepository } from 'src/users/users.repository';
import { Repository } from 'typeorm';

const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 50;
/** Flask-SQLAlchemy's default, used when `per_page` < 1 (docs/compatibility.md#pagination). */
const FALLBACK_PER_PAGE = 20;

/** Reading users: lookups for other features, the list and the detail endpoints. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly repository: UsersRepository,
    private readonly serializer: UserSerializer,
  ) {}

  /** Exact (case-sensitive) username, as FitTrackee's `filter_by(username=...)`. */
  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  async getByUsername(username: string): Promise<User> {
    const user = await this.findByUsername(username);
    if (!user) throw new NotFoundError('user does not exist');
    return user;
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  async getById(id: number): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError('user does not exist');
    return user;
  }

  /** Case-insensitive lookups, as registration checks duplicates (FitTrackee user model). */
  findByUsernameInsensitive(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  findByEmailInsensitive(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  countAdmins(): Promise<number> {
    return this.users.countBy({ admin: true });
  }

  /** `GET /api/users` (as in FitTrackee); admin-only is enforced by the route's access rule. */
  async list(viewer: User, query: ListUsersQueryDto): Promise<PaginatedResult<UsersResponseDto>> {
    const page = Math.max(1, parseInt(query.page ?? '1', 10));
    const requested = parseInt(query.per_page ?? String(DEFAULT_PER_PAGE), 10);
    const perPage = requested < 1 ? FALLBACK_PER_PAGE : Math.min(requested, MAX_PER_PAGE);
    const [users, total] = await this.repository.list({
      page,
      perPage,
      q: query.q,
      isAscending: (query.order ?? 'asc') === 'asc',
      orderBy: (query.order_by ?? 'username') as UserOrderBy,
    });
    const serialized = await this.serializer.serializeMany(users, viewer);
    return paginated({ users: serialized }, buildPagination(page, perPage, total));
  }

  /**
   * `GET /api/users/<username>` (as in FitTrackee): the permission check comes before the
   * lookup, so a non-admin asking for an unknown name gets 403, not 404.
   */
  async getOne(viewer: User, username: string): Promise<UsersResponseDto> {
    if (username !== viewer.username && !viewer.admin) throw new ForbiddenError();
    const user = await this.getByUsername(username);
    return { users: [await this.serializer.serialize(user, viewer)] };
  }
}
