import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from 'src/auth/decorators';
import { type Principal, readWithToken } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors, BEARER_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import {
  InstanceStatsResponseDto,
  StatsBucketDto,
  StatsBySportResponseDto,
  StatsByTimeResponseDto,
} from 'src/workouts/stats/dto/stats-response.dto';
import { StatsService } from 'src/workouts/stats/stats.service';
import {
  BY_SPORT_EXAMPLE,
  BY_TIME_EXAMPLE,
  INSTANCE_EXAMPLE,
} from 'src/workouts/stats/stats-examples';
import {
  ApiStatsBySportQuery,
  ApiStatsByTimeQuery,
} from 'src/workouts/stats/stats-query-docs.decorator';
import { OWN_STATS_BY_TIME_READ } from 'src/workouts/stats/stats-read-with-token';

const BAD_FILTER =
  '`from` or `to` is not a `YYYY-MM-DD` date, or `sport_id` not an integer: ' +
  '`error, please try again or contact the administrator` (FitTrackee answers 500 there).';
const NO_USER = 'No user with this username: `user does not exist`.';
// Appended by @nestjs/swagger to the scope rule that @Scopes() already describes.
const OTHER_USER =
  'An OAuth2 token asks for another user’s statistics: `you do not have permissions`.';

@ApiTags('stats')
@ApiExtraModels(StatsBucketDto)
@Controller('stats')
export class StatsController {
  constructor(private readonly service: StatsService) {}

  /**
   * Instance-wide counters (FitTrackee `GET /api/stats/all`). Admin only, scope
   * `workouts:read`. Declared before `:username` so that `all` is not taken for a username.
   */
  @Get('all')
  @Scopes(SCOPE.WORKOUTS_READ, { admin: true })
  @ApiEnvelopeResponse(InstanceStatsResponseDto, {
    description: 'Counts of users, workouts and sports, and the size of the upload folder.',
    example: INSTANCE_EXAMPLE,
  })
  instance(): Promise<InstanceStatsResponseDto> {
    return this.service.instance();
  }

  /**
   * A user's workout totals by period then sport (FitTrackee
   * `GET /api/stats/<username>/by_time`). Periods follow the workouts' UTC dates; `from` and
   * `to` are read in the target user's time zone. Scope `workouts:read`.
   */
  @Get(':username/by_time')
  @ApiForbiddenResponse({ description: OTHER_USER, schema: BEARER_ERROR_SCHEMA })
  @Scopes(SCOPE.WORKOUTS_READ, { readWithToken: OWN_STATS_BY_TIME_READ })
  @ApiEnvelopeResponse(StatsByTimeResponseDto, {
    description: 'Totals by period then sport; `{}` when no workout matches.',
    example: BY_TIME_EXAMPLE,
  })
  @ApiErrors({
    400:
      `${BAD_FILTER} An unknown \`time\` answers \`{"status": "fail", "message": ` +
      '"Invalid time period."}` when some workout matches the filters (FitTrackee notices it ' +
      'only then), else `{}`.',
    404: NO_USER,
  })
  @ApiStatsByTimeQuery()
  byTime(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Query() query: Record<string, unknown>,
  ): Promise<StatsByTimeResponseDto> {
    return this.service.byTime(
      principal,
      username,
      query,
      readWithToken(principal, OWN_STATS_BY_TIME_READ),
    );
  }

  /**
   * A user's workout totals by sport over the whole range (FitTrackee
   * `GET /api/stats/<username>/by_sport`). Scope `workouts:read`.
   */
  @Get(':username/by_sport')
  @ApiForbiddenResponse({ description: OTHER_USER, schema: BEARER_ERROR_SCHEMA })
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiEnvelopeResponse(StatsBySportResponseDto, {
    description: 'Totals by sport; `{}` when no workout matches.',
    example: BY_SPORT_EXAMPLE,
  })
  @ApiErrors({
    400: BAD_FILTER,
    404: `${NO_USER} With \`sport_id\`, no sport with this id: \`sport does not exist\`.`,
  })
  @ApiStatsBySportQuery()
  bySport(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Query() query: Record<string, unknown>,
  ): Promise<StatsBySportResponseDto> {
    return this.service.bySport(principal, username, query);
  }
}
