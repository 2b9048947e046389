import { Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { toConsentRequest } from 'src/oauth2/consent/consent.controller';
import { ConsentInputErrorFilter } from 'src/oauth2/consent/consent-input-error.filter';
import { sendConsentOutcome } from 'src/oauth2/consent/consent-outcome';
import {
  DEVICE_PAGE,
  DeviceVerificationService,
} from 'src/oauth2/device/verification/device-verification.service';

/**
 * The device flow's verification page (RFC 8628 §3.3), HTML outside /api like the consent page:
 * `/device` is the short address devices show; it sends the browser to
 * `/profile/apps/device`, where the consent page's session cookie (path `/profile/apps`) is sent.
 */
@ApiExcludeController()
@Controller()
@UseFilters(ConsentInputErrorFilter)
export class DeviceVerificationController {
  constructor(private readonly verification: DeviceVerificationService) {}

  @Get('device')
  @Public()
  @RawResponse()
  shortcut(@Query('user_code') userCode: unknown, @Res() response: Response): void {
    const query =
      typeof userCode === 'string' && userCode !== ''
        ? `?${new URLSearchParams({ user_code: userCode.slice(0, 32) }).toString()}`
        : '';
    response.set('Cache-Control', 'no-store').redirect(303, `${DEVICE_PAGE}${query}`);
  }

  @Get('profile/apps/device')
  @Public()
  @RawResponse()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendConsentOutcome(response, await this.verification.show(toConsentRequest(request)));
  }

  @Post('profile/apps/device')
  @Public()
  @RawResponse()
  @HttpCode(200)
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendConsentOutcome(response, await this.verification.submit(toConsentRequest(request)));
  }
}
