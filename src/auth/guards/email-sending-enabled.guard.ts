import { type CanActivate, Injectable } from '@nestjs/common';
import { AppConfigService } from 'src/app-config/app-config.service';
import { NotFoundError } from 'src/common/errors/http-errors';

/**
 * Routes that exist only with email sending (FitTrackee `POST /api/auth/password/reset-request`,
 * `POST /api/auth/account/resend-confirmation`): otherwise FitTrackee answers its "URL not found"
 * 404, before reading the body.
 */
@Injectable()
export class EmailSendingEnabledGuard implements CanActivate {
  constructor(private readonly appConfig: AppConfigService) {}

  canActivate(): boolean {
    if (!this.appConfig.isEmailSendingEnabled())
      throw new NotFoundError('the requested URL was not found on the server');
    return true;
  }
}
