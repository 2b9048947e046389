import { Controller, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AppConfigService } from 'src/app-config/app-config.service';
import { AppConfigResponseDto } from 'src/app-config/dto/app-config-response.dto';
import { UpdateAppConfigDto } from 'src/app-config/dto/update-app-config.dto';
import { Public, Scopes } from 'src/auth/decorators';
import { SCOPE } from 'src/auth/scopes';
import { ApiEnvelopeResponse } from 'src/common/envelope/api-envelope-response.decorator';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { JsonBody } from 'src/common/validation/json-body.decorator';

@ApiTags('config')
@Controller()
export class AppConfigController {
  constructor(private readonly service: AppConfigService) {}

  /** Public application configuration (FitTrackee `GET /api/config`). */
  @Get('config')
  @Public()
  @ApiEnvelopeResponse(AppConfigResponseDto)
  getConfig(): Promise<AppConfigResponseDto> {
    return this.service.get();
  }

  /** Update the application configuration; admin only (FitTrackee `PATCH /api/config`). */
  @Patch('config')
  @Scopes(SCOPE.APPLICATION_WRITE, { admin: true })
  @HttpCode(200)
  @ApiEnvelopeResponse(AppConfigResponseDto)
  updateConfig(
    @JsonBody(UpdateAppConfigDto) changes: UpdateAppConfigDto,
  ): Promise<AppConfigResponseDto> {
    return this.service.update(changes);
  }

  /** Liveness check (FitTrackee `GET /api/ping`). */
  @Get('ping')
  @Public()
  ping(): TopLevelResult {
    return topLevel({ message: 'pong!' });
  }
}
