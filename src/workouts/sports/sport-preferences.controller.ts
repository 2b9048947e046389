import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { EditSportPreferenceDto } from 'src/workouts/sports/dto/edit-sport-preference.dto';
import { SportPreferenceResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { SportPreferencesService } from 'src/workouts/sports/sport-preferences.service';

@ApiTags('auth')
@Controller('auth/profile')
export class SportPreferencesController {
  constructor(private readonly service: SportPreferencesService) {}

  /** Set colour, activity or stopped-speed threshold of a sport (FitTrackee `POST /api/auth/profile/edit/sports`). */
  @Post('edit/sports')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(200)
  @ApiOkResponse({ type: SportPreferenceResponseDto })
  async edit(
    @CurrentUser() user: User,
    @JsonBody(EditSportPreferenceDto) body: EditSportPreferenceDto,
  ): Promise<TopLevelResult> {
    return topLevel({
      message: 'user sport preferences updated',
      data: await this.service.edit(user, body),
    });
  }

  /** Drop the caller's preferences for a sport (FitTrackee `DELETE /api/auth/profile/reset/sports/<sport_id>`). */
  @Delete('reset/sports/:sport_id')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(204)
  @ApiNoContentResponse()
  reset(@CurrentUser() user: User, @Param('sport_id') id: string): Promise<void> {
    return this.service.reset(user, id);
  }
}
