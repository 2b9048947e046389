import { type CanActivate, Injectable } from '@nestjs/common';
import { AppConfigService } from 'src/app-config/app-config.service';
import { ForbiddenError } from 'src/common/errors/http-errors';

/** Checked before the body is read (spec auth.md §4.1 step 1). */
@Injectable()
export class RegistrationEnabledGuard implements CanActivate {
  constructor(private readonly appConfig: AppConfigService) {}

  async canActivate(): Promise<boolean> {
    if (!(await this.appConfig.isRegistrationEnabled()))
      throw new ForbiddenError('error, registration is disabled');
    return true;
  }
}
