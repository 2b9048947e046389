import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { ApiErrors, ENVELOPE_ERROR_SCHEMA } from 'src/common/openapi/api-error-responses.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';
import type { User } from 'src/users/user.entity';
import { EditSportPreferenceDto } from 'src/workouts/sports/dto/edit-sport-preference.dto';
import { SportPreferenceUpdatedResponseDto } from 'src/workouts/sports/dto/sport-response.dto';
import { ApiSportIdParam, SPORT_PREFERENCE_EXAMPLE } from 'src/workouts/sports/sport-docs';
import { SportPreferencesService } from 'src/workouts/sports/sport-preferences.service';

const NO_SPORT = 'No sport with this id: `sport does not exist`.';

@ApiTags('auth')
@Controller('auth/profile')
export class SportPreferencesController {
  constructor(private readonly service: SportPreferencesService) {}

  /**
   * Sets the caller's colour, activity or stopped-speed threshold for a sport, creating the
   * preference on first use (FitTrackee `POST /api/auth/profile/edit/sports`). An empty `color`
   * or a zero threshold leaves the stored value unchanged, as in FitTrackee. Scope
   * `profile:write`.
   */
  @Post('edit/sports')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description: 'The stored preference.',
    type: SportPreferenceUpdatedResponseDto,
    example: SPORT_PREFERENCE_EXAMPLE,
  })
  @ApiErrors({
    400:
      '`invalid payload` when the body is not a JSON object, has no setting besides `sport_id`, ' +
      'or a value has the wrong type or range; `invalid hexadecimal color` for a colour that ' +
      'is not `#RRGGBB` or `#RGB`.',
    404: NO_SPORT,
  })
  async edit(
    @CurrentUser() user: User,
    @JsonBody(EditSportPreferenceDto) body: EditSportPreferenceDto,
  ): Promise<TopLevelResult> {
    return topLevel({
      message: 'user sport preferences updated',
      data: await this.service.edit(user, body),
    });
  }

  /**
   * Drops the caller's preferences for a sport, back to its defaults; nothing to drop is not an
   * error (FitTrackee `DELETE /api/auth/profile/reset/sports/<sport_id>`). Scope `profile:write`.
   */
  @Delete('reset/sports/:sport_id')
  @Scopes(SCOPE.PROFILE_WRITE)
  @HttpCode(204)
  @ApiSportIdParam()
  @ApiNoContentResponse({ description: 'The preferences are gone (or there were none).' })
  @ApiResponse({
    status: 404,
    description: `${NO_SPORT} Also for an id that is not an integer.`,
    schema: ENVELOPE_ERROR_SCHEMA,
    example: { status: 'not found', message: 'sport does not exist' },
  })
  reset(@CurrentUser() user: User, @Param('sport_id') id: string): Promise<void> {
    return this.service.reset(user, id);
  }
}
