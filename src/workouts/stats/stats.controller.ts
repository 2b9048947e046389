import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from 'src/auth/decorators';
import type { Principal } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import {
  InstanceStatsResponseDto,
  StatisticsResponseDto,
} from 'src/workouts/stats/dto/stats-response.dto';
import { StatsService } from 'src/workouts/stats/stats.service';
import {
  ApiStatsBySportQuery,
  ApiStatsByTimeQuery,
} from 'src/workouts/stats/stats-query-docs.decorator';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly service: StatsService) {}

  /** Instance-wide counters; admin only (FitTrackee `GET /api/stats/all`). Declared before `:username`. */
  @Get('all')
  @Scopes(SCOPE.WORKOUTS_READ, { admin: true })
  @ApiOkResponse({ type: InstanceStatsResponseDto })
  instance(): Promise<InstanceStatsResponseDto> {
    return this.service.instance();
  }

  /** Statistics by week, week from Monday, month or year, then sport (FitTrackee `GET /api/stats/<username>/by_time`). */
  @Get(':username/by_time')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: StatisticsResponseDto })
  @ApiStatsByTimeQuery()
  byTime(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Query() query: Record<string, unknown>,
  ): Promise<StatisticsResponseDto> {
    return this.service.byTime(principal, username, query);
  }

  /** Statistics by sport (FitTrackee `GET /api/stats/<username>/by_sport`). */
  @Get(':username/by_sport')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: StatisticsResponseDto })
  @ApiStatsBySportQuery()
  bySport(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Query() query: Record<string, unknown>,
  ): Promise<StatisticsResponseDto> {
    return this.service.bySport(principal, username, query);
  }
}
