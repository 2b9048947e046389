import {
  Controller,
  Headers,
  HttpCode,
  Ip,
  Post,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { FORM_MEDIA_TYPES, FormBody } from 'src/common/validation/form-body.decorator';
import { DeviceAuthorizationService } from 'src/oauth2/device/device-authorization.service';
import { ApiDeviceAuthorizationForm } from 'src/oauth2/device/device-authorization-docs.decorator';
import type { DeviceAuthorizationResponseDto } from 'src/oauth2/device/dto/device-authorization-response.dto';
import { NO_STORE_HEADERS } from 'src/oauth2/oauth2.errors';
import { OAuth2InputErrorFilter } from 'src/oauth2/oauth2-input-error.filter';
import type { OAuth2Form } from 'src/oauth2/oauth2-token.service';
import { SecureTransportGuard } from 'src/oauth2/transport/secure-transport.guard';

/** `POST /api/oauth/device_authorization` (RFC 8628 §3.1): form fields in, RFC bodies out. */
@ApiTags('oauth2')
@Controller('oauth')
@UseGuards(SecureTransportGuard)
@UseFilters(OAuth2InputErrorFilter)
@UseInterceptors(NoFilesInterceptor())
@ApiConsumes(...FORM_MEDIA_TYPES)
export class DeviceAuthorizationController {
  constructor(private readonly deviceAuthorization: DeviceAuthorizationService) {}

  @Post('device_authorization')
  @Public()
  @RawResponse()
  @HttpCode(200)
  @ApiDeviceAuthorizationForm()
  authorize(
    @FormBody() form: OAuth2Form,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeviceAuthorizationResponseDto> {
    response.set(NO_STORE_HEADERS);
    return this.deviceAuthorization.authorize(form, authorization, ip);
  }
}
