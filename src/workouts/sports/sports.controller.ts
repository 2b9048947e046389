import { Controller, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { SportsListResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { UpdateSportDto } from 'src/workouts/sports/dto/update-sport.dto';
import { SportsService } from 'src/workouts/sports/sports.service';

@ApiTags('sports')
@Controller('sports')
export class SportsController {
  constructor(private readonly service: SportsService) {}

  /** All sports, inactive included, with the caller's preferences (FitTrackee `/api/sports`). */
  @Get()
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: SportsListResponseDto })
  list(@CurrentUser() user: User): Promise<SportsListResponseDto> {
    return this.service.list(user);
  }

  /** One sport; unknown → 404 `{"data": {"sports": []}}`. */
  @Get(':sport_id')
  @Scopes(SCOPE.WORKOUTS_READ)
  @ApiOkResponse({ type: SportsListResponseDto })
  getById(
    @CurrentUser() user: User,
    @Param('sport_id') id: string,
  ): Promise<SportsListResponseDto> {
    return this.service.getById(user, id);
  }

  /** Enable or disable a sport for everyone; admin only. */
  @Patch(':sport_id')
  @Scopes(SCOPE.WORKOUTS_WRITE, { admin: true })
  @HttpCode(200)
  @ApiOkResponse({ type: SportsListResponseDto })
  update(
    @CurrentUser() user: User,
    @Param('sport_id') id: string,
    @JsonBody(UpdateSportDto) body: UpdateSportDto,
  ): Promise<SportsListResponseDto> {
    return this.service.update(user, id, body.is_active);
  }
}
