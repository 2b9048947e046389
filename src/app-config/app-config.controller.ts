import { Controller, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfigService } from 'src/app-config/app-config.service';
import { APP_CONFIG_RESPONSE_EXAMPLE } from 'src/app-config/dto/app-config-examples';
import { AppConfigResponseDto } from 'src/app-config/dto/app-config-response.dto';
import { PingResponseDto } from 'src/app-config/dto/ping-response.dto';
import { UpdateAppConfigDto } from 'src/app-config/dto/update-app-config.dto';
import { Public, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { ApiErrors } from 'src/common/openapi/api-error-responses.decorator';
import { JsonBody } from 'src/common/validation/json-body.decorator';

@ApiTags('config')
@Controller()
export class AppConfigController {
  constructor(private readonly service: AppConfigService) {}

  @Get('config')
  @Public()
  @ApiOperation({
    summary: 'Get the application configuration',
    description:
      'Upload limits, registration state, contact and policy texts of the instance; public. ' +
      'Mirrors FitTrackee `GET /api/config`.',
  })
  @ApiEnvelopeResponse(AppConfigResponseDto, {
    description: 'The configuration.',
    example: APP_CONFIG_RESPONSE_EXAMPLE,
  })
  getConfig(): Promise<AppConfigResponseDto> {
    return this.service.get();
  }

  @Patch('config')
  @Scopes(SCOPE.APPLICATION_WRITE, { admin: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Update the application configuration',
    description:
      'Changes the given fields only; a new privacy policy is dated now. Admin only, scope ' +
      '`application:write`. Mirrors FitTrackee `PATCH /api/config`.',
  })
  @ApiEnvelopeResponse(AppConfigResponseDto, {
    description: 'The whole configuration after the change.',
    example: {
      ...APP_CONFIG_RESPONSE_EXAMPLE,
      data: { ...APP_CONFIG_RESPONSE_EXAMPLE.data, max_users: 100 },
    },
  })
  @ApiErrors({
    400:
      '`invalid payload` (not a JSON object, a size that is not an integer), the list of ' +
      'value errors (e.g. `Max. size of uploaded files must be greater than 0`, `valid email ' +
      'must be provided for admin contact`), or `Max. size of zip archive must be equal or ' +
      'greater than max. size of uploaded files`.',
  })
  updateConfig(
    @JsonBody(UpdateAppConfigDto) changes: UpdateAppConfigDto,
  ): Promise<AppConfigResponseDto> {
    return this.service.update(changes);
  }

  @Get('ping')
  @Public()
  @ApiOperation({
    summary: 'Ping',
    description:
      'Liveness: answers without touching the database; public. Mirrors FitTrackee `GET /api/ping`.',
  })
  @ApiOkResponse({
    type: PingResponseDto,
    description: 'The server is up.',
    example: { status: 'success', message: 'pong!' },
  })
  ping(): TopLevelResult {
    return topLevel({ message: 'pong!' });
  }
}
