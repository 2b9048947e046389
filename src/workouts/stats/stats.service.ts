import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { Principal } from 'src/auth/principal';
import { AppError } from 'src/common/errors/app-error';
import { ForbiddenError, NotFoundError } from 'src/common/errors/http-errors';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';
import { PreparedQueries, statement } from 'src/database/prepared-queries';
import { parseDay } from 'src/workouts/date-input';
import { badQueryParameter, param, parseInteger } from 'src/workouts/query-params';
import type {
  InstanceStatsResponseDto,
  StatsBucketDto,
  StatsBySportResponseDto,
  StatsByTimeResponseDto,
} from 'src/workouts/stats/dto/stats-response.dto';
import {
  type Period,
  PERIOD_KEYS,
  type StatsFilters,
  StatsRepository,
  type StatsRow,
} from 'src/workouts/stats/stats.repository';
import { toStatsBucket } from 'src/workouts/stats/to-stats-bucket';
import { directorySize } from 'src/workouts/stats/uploads-size';
import { formatNaive, localToUtc } from 'src/workouts/user-time';
import { EntityManager } from 'typeorm';

const SPORT_EXISTS = statement(`SELECT 1 FROM sports WHERE id = $1`);
const USER_BY_NAME = statement(`SELECT id, timezone FROM users WHERE username = $1`);

interface TargetUser {
  id: number;
  timezone: string | null;
}

/** Statistics (FitTrackee `/api/stats`). */
@Injectable()
export class StatsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly stats: StatsRepository,
    private readonly storage: ObjectStorageService,
    private readonly queries: PreparedQueries,
  ) {}

  /** `ownReadWithToken`: the caller's own buckets, read with the token when the request allowed. */
  async byTime(
    principal: Principal,
    username: string,
    query: Record<string, unknown>,
    ownReadWithToken?: StatsRow[],
  ): Promise<StatsByTimeResponseDto> {
    const rows =
      ownReadWithToken !== undefined && principal.user.username === username
        ? ownReadWithToken
        : await this.readByTime(principal, username, query);
    if (rows === null) return { statistics: {} };
    const statistics: Record<string, Record<string, StatsBucketDto>> = {};
    for (const row of rows) {
      // Filled in place: a copy per row cost more than the rest of the serialization.
      const period = row.period ?? '';
      let sports = statistics[period];
      if (sports === undefined) {
        sports = {};
        statistics[period] = sports;
      }
      sports[String(row.sport_id)] = toStatsBucket(row);
    }
    return { statistics };
  }

  /** The buckets read here; null for an unknown period without matching workouts. */
  private async readByTime(
    principal: Principal,
    username: string,
    query: Record<string, unknown>,
  ): Promise<StatsRow[] | null> {
    const user = await this.targetUser(principal, username);
    const filters = this.filters(query, user);
    const time = param(query, 'time') ?? 'year';
    if (!Object.hasOwn(PERIOD_KEYS, time)) {
      // The reference only notices a bad period while looping over matching workouts.
      if (await this.stats.hasWorkouts(this.manager, user.id, filters))
        throw AppError.message(400, 'fail', 'Invalid time period.');
      return null;
    }
    return this.stats.byPeriod(this.manager, user.id, filters, time as Period);
  }

  async bySport(
    principal: Principal,
    username: string,
    query: Record<string, unknown>,
  ): Promise<StatsBySportResponseDto> {
    const user = await this.targetUser(principal, username);
    const filters = this.filters(query, user);
    if (filters.sportId !== undefined) {
      const sports = await this.queries.rows(SPORT_EXISTS, [filters.sportId], this.manager);
      if (sports.length === 0) throw new NotFoundError('sport does not exist');
    }
    const rows = await this.stats.aggregate(this.manager, user.id, filters, null);
    const statistics: Record<string, StatsBucketDto> = {};
    for (const row of rows) statistics[String(row.sport_id)] = toStatsBucket(row);
    return { statistics };
  }

  async instance(): Promise<InstanceStatsResponseDto> {
    const counts = await this.stats.instanceCounts(this.manager);
    const size =
      this.storage.s3 === undefined
        ? await directorySize(this.storage.uploadFolder)
        : (await this.storage.s3.listAll()).reduce((total, object) => total + object.size, 0);
    return {
      sports: counts.sports,
      uploads_dir_size: size,
      users: counts.users,
      workouts: counts.workouts,
    };
  }

  /**
   * Access rule: the reference lets any authenticated user read anyone's statistics
   * and the web client relies on nothing more, so first-party tokens keep that behaviour.
   * A scoped token (OAuth2 or personal) acts for its user only: a third-party app granted
   * `workouts:read` by one user must not read other users' figures, so it gets 403 for anyone
   * else.
   */
  private async targetUser(principal: Principal, username: string): Promise<TargetUser> {
    // One's own statistics (what the web client asks): the row authentication has just read.
    const self = principal.user;
    if (self.username === username) return { id: self.id, timezone: self.timezone };
    const rows = await this.queries.rows<TargetUser>(USER_BY_NAME, [username], this.manager);
    const user = rows[0];
    if (user === undefined) throw new NotFoundError('user does not exist');
    if (principal.kind !== 'first-party' && user.id !== principal.user.id)
      throw new ForbiddenError();
    return user;
  }

  /** `from`/`to` in the target user's time zone, like the workouts list. */
  private filters(query: Record<string, unknown>, user: TargetUser): StatsFilters {
    const filters: StatsFilters = {};
    const from = param(query, 'from');
    if (from !== undefined) {
      const day = parseDay(from);
      if (day === undefined) throw badQueryParameter();
      filters.from = formatNaive(localToUtc(day, user.timezone));
    }
    const to = param(query, 'to');
    if (to !== undefined) {
      const day = parseDay(to);
      if (day === undefined) throw badQueryParameter();
      const last = localToUtc({ ...day, hour: 23, minute: 59, second: 59 }, user.timezone);
      filters.toExclusive = formatNaive(new Date(last.getTime() + 1000));
    }
    const sportId = param(query, 'sport_id');
    if (sportId !== undefined) filters.sportId = parseInteger(sportId);
    return filters;
  }
}
