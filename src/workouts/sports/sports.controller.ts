import { Controller, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, Scopes } from 'src/auth/decorators';
import { ownReadWithToken, type Principal } from 'src/auth/principal';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { SportsListResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { UpdateSportDto } from 'src/workouts/sports/dto/update-sport.dto';
import {
  ApiSportIdParam,
  SPORT_EXAMPLE,
  SPORT_UPDATED_EXAMPLE,
  SPORTS_LIST_EXAMPLE,
} from 'src/workouts/sports/sport-docs';
import { SportsService } from 'src/workouts/sports/sports.service';
import { SPORTS_READ } from 'src/workouts/sports/sports-read';

const NO_SPORT =
  'No sport with this id (or the id is not an integer): ' +
  '`{"status": "not found", "data": {"sports": []}}`.';

@ApiTags('sports')
@Controller('sports')
export class SportsController {
  constructor(private readonly service: SportsService) {}

  /**
   * All sports, inactive ones included, ordered by id, with the caller's own colour, activity
   * and stopped-speed threshold (FitTrackee `GET /api/sports`). Admins also get `has_workouts`.
   * Scope `workouts:read`.
   */
  @Get()
  @Scopes(SCOPE.WORKOUTS_READ, { readWithToken: SPORTS_READ })
  @ApiEnvelopeResponse(SportsListResponseDto, {
    description: 'Every sport, as seen by the caller.',
    example: SPORTS_LIST_EXAMPLE,
  })
  list(@CurrentPrincipal() principal: Principal): SportsListResponseDto {
    return this.service.list(ownReadWithToken(principal, SPORTS_READ));
  }

  /**
   * One sport, as in the list, wrapped in a one-item `sports` array (FitTrackee
   * `GET /api/sports/<sport_id>`). Scope `workouts:read`.
   */
  @Get(':sport_id')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiSportIdParam()
  @ApiEnvelopeResponse(SportsListResponseDto, {
    description: 'The sport, alone in `sports`.',
    example: SPORT_EXAMPLE,
  })
  @ApiErrors({ 404: NO_SPORT })
  getById(
    @CurrentUser() user: User,
    @Param('sport_id') id: string,
  ): Promise<SportsListResponseDto> {
    return this.service.getById(user, id);
  }

  /**
   * Enables or disables a sport for every user; workouts of a disabled sport stay untouched
   * (FitTrackee `PATCH /api/sports/<sport_id>`). Admin only, scope `workouts:write`.
   */
  @Patch(':sport_id')
  @Scopes(SCOPE.WORKOUTS_WRITE, { admin: true })
  @HttpCode(200)
  @ApiSportIdParam()
  @ApiEnvelopeResponse(SportsListResponseDto, {
    description: 'The updated sport, alone in `sports`, with `has_workouts`.',
    example: SPORT_UPDATED_EXAMPLE,
  })
  @ApiErrors({
    400: '`is_active` missing, null or not a boolean: `invalid payload`.',
    404: NO_SPORT,
  })
  update(
    @CurrentUser() user: User,
    @Param('sport_id') id: string,
    @JsonBody(UpdateSportDto) body: UpdateSportDto,
  ): Promise<SportsListResponseDto> {
    return this.service.update(user, id, body.is_active);
  }
}
