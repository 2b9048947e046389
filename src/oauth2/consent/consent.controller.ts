import { Controller, Get, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from 'src/auth/decorators';
import { RawResponse } from 'src/common/envelope/raw-response.decorator';
import { type ConsentRequest, ConsentService } from 'src/oauth2/consent/consent.service';
import { ConsentInputErrorFilter } from 'src/oauth2/consent/consent-input-error.filter';
import { sendConsentOutcome } from 'src/oauth2/consent/consent-outcome';

export function toConsentRequest(request: Request): ConsentRequest {
  const body: unknown = request.body;
  return {
    query: request.query,
    body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
    cookieHeader: request.headers.cookie,
    isSecure: request.protocol === 'https',
    ip: request.ip,
  };
}

/** `/profile/apps/authorize`: the consent page third-party apps send browsers to (outside /api). */
@ApiExcludeController()
@Controller('profile/apps')
@UseFilters(ConsentInputErrorFilter)
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get('authorize')
  @Public()
  @RawResponse()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendConsentOutcome(response, await this.consent.show(toConsentRequest(request)));
  }

  @Post('authorize')
  @Public()
  @RawResponse()
  @HttpCode(200)
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendConsentOutcome(response, await this.consent.submit(toConsentRequest(request)));
  }
}
