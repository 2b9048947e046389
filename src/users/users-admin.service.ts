import { Injectable } from '@nestjs/common';
import { AppConfigService } from 'src/app-config/app-config.service';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import type { UpdateUserDto } from 'src/users/dto/update-user.dto';
import type { UsersResponseDto } from 'src/users/dto/users-response.dto';
import type { User } from 'src/users/user.entity';
import { UserAdminNotifier } from 'src/users/user-admin-notifier';
import { UserManagerService } from 'src/users/user-manager.service';
import { UserSerializer } from 'src/users/user-serializer.service';

/** Python truthiness, as FitTrackee tests `activate` and `reset_password`. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** The admin `PATCH /api/users/<username>` (as in FitTrackee). */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly manager: UserManagerService,
    private readonly notifier: UserAdminNotifier,
    private readonly serializer: UserSerializer,
    private readonly appConfig: AppConfigService,
  ) {}

  async update(admin: User, username: string, body: UpdateUserDto): Promise<UsersResponseDto> {
    const isEmailSendingEnabled = this.appConfig.isEmailSendingEnabled();
    // FitTrackee stores `admin` as given and the database then rejects a non-boolean (500);
    // the email checks run before that failure, so they keep precedence here too.
    const isAdmin = body.admin;
    const isAdminInvalid =
      isAdmin !== undefined && isAdmin !== null && typeof isAdmin !== 'boolean';
    const update = await this.manager.update(username, {
      isAdmin: typeof isAdmin === 'boolean' ? isAdmin : undefined,
      activate: isTruthy(body.activate),
      resetPassword: isTruthy(body.reset_password),
      newEmail: body.new_email,
      withConfirmation: isEmailSendingEnabled,
      validate: () => {
        if (isAdminInvalid) throw new InvalidPayloadError();
      },
    });
    if (isEmailSendingEnabled) await this.notifier.notify(update);
    return { users: [await this.serializer.serialize(update.user, admin)] };
  }
}
