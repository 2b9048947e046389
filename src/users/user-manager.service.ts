import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { hash } from 'bcrypt';
import { AppError } from 'src/common/errors/app-error';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import type { AppConfig } from 'src/config/configuration';
import { newConfirmationToken, tokenUrlSafe } from 'src/users/secrets';
import { User } from 'src/users/user.entity';
import { isValidEmail, registerControls } from 'src/users/user-rules';
import { UsersService } from 'src/users/users.service';
import { QueryFailedError, Repository } from 'typeorm';

export interface UserChanges {
  /** null/undefined: unchanged. */
  isAdmin?: boolean | null;
  activate?: boolean;
  resetPassword?: boolean;
  /** undefined/null: unchanged; anything else is validated as an email. */
  newEmail?: unknown;
  /** Email sending enabled: the new email waits in `email_to_confirm` for confirmation. */
  withConfirmation: boolean;
  /** Last check before saving, after the email checks (the API's type checks). */
  validate?: () => void;
}

export interface UserUpdate {
  user: User;
  isUpdated: boolean;
  newPassword: string | null;
  /** The clear confirmation token to email, when a new email awaits confirmation. */
  confirmationToken: string | null;
}

/** Raised by `create`; the CLI prints the message after `Error(s) occurred:`. */
export class UserCreationError extends Error {}

/**
 * FitTrackee's `UserManagerService`: account changes shared by the admin API and the CLI
 * (FitTrackee `PATCH /api/users/<username>`, FitTrackee `ftcli users create` /
 * `ftcli users update`).
 */
@Injectable()
export class UserManagerService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly usersService: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  hashPassword(password: string): Promise<string> {
    return hash(password, this.config.get('auth.bcryptRounds', { infer: true }));
  }

  /** Applies admin, activate, reset_password then new_email; nothing is saved on an error. */
  async update(username: string, changes: UserChanges): Promise<UserUpdate> {
    const user = await this.usersService.getByUsername(username);
    const result: UserUpdate = {
      user,
      isUpdated: false,
      newPassword: null,
      confirmationToken: null,
    };
    if (changes.isAdmin !== undefined && changes.isAdmin !== null) {
      user.admin = changes.isAdmin;
      if (changes.isAdmin) activate(user);
      result.isUpdated = true;
    }
    if (changes.activate === true) {
      activate(user);
      result.isUpdated = true;
    }
    if (changes.resetPassword === true) {
      result.newPassword = tokenUrlSafe(30);
      user.password = await this.hashPassword(result.newPassword);
      result.isUpdated = true;
    }
    if (changes.newEmail !== undefined && changes.newEmail !== null) {
      result.confirmationToken = applyNewEmail(user, changes.newEmail, changes.withConfirmation);
      result.isUpdated = true;
    }
    changes.validate?.();
    try {
      result.user = await this.users.save(user);
    } catch (error) {
      // The unique email index: FitTrackee answers 500 when another account has the address.
      if (isUniqueViolation(error)) throw new InvalidPayloadError();
      throw error;
    }
    return result;
  }

  /** `ftcli users create`: an active account, even when registration is disabled. */
  async create(
    username: string,
    email: string,
    password: string | undefined,
  ): Promise<{ user: User; password: string }> {
    const clearPassword = password === undefined || password === '' ? tokenUrlSafe(30) : password;
    const errors = registerControls(username, email, clearPassword);
    if (errors !== '') throw new UserCreationError(errors);
    if (await this.usersService.findByUsernameInsensitive(username))
      throw new UserCreationError('sorry, that username is already taken');
    if (await this.usersService.findByEmailInsensitive(email))
      throw new UserCreationError('This user already exists. No action done.');
    const user = this.users.create({
      username,
      email,
      password: await this.hashPassword(clearPassword),
      isActive: true,
      confirmationToken: null,
    });
    return { user: await this.users.save(user), password: clearPassword };
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  return (error.driverError as { code?: unknown } | undefined)?.code === '23505';
}

function activate(user: User): void {
  user.isActive = true;
  user.confirmationToken = null;
}

/**
 * FitTrackee `_update_user_email`: messages without prefix nor `\n` (FitTrackee
 * `PATCH /api/users/<username>`).
 */
function applyNewEmail(user: User, newEmail: unknown, withConfirmation: boolean): string | null {
  if (!isValidEmail(newEmail)) throw new InvalidPayloadError('valid email must be provided');
  if (newEmail === user.email)
    throw AppError.message(400, 'error', 'new email must be different than current email');
  if (!withConfirmation) {
    user.email = newEmail;
    return null;
  }
  const { token, hash: tokenHash } = newConfirmationToken();
  user.emailToConfirm = newEmail;
  user.confirmationToken = tokenHash;
  return token;
}
