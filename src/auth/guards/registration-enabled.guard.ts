import { type CanActivate, Injectable } from '@nestjs/common';
import { AppConfigService } from 'src/app-config/app-config.service';
import { ForbiddenError } from 'src/common/errors/http-errors';

/** Checked before the body is read (FitTrackee `POST /api/auth/register`). */
@Injectable()
export class RegistrationEnabledGuard implements CanActivate {
  constructor(private readonly appConfig: AppConfigService) {}

  async canActivate(): Promise<boolean> {
    if (!(await this.appConfig.isRegistrationEnabled()))
      throw new ForbiddenError('error, registration is disabled');
    return true;
  }
}
