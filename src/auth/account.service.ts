import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfigService } from 'src/app-config/app-config.service';
import { AccountEmailsService } from 'src/auth/account-emails.service';
import type { EditAccountDto } from 'src/auth/dto/edit-account.dto';
import { PasswordService } from 'src/auth/password.service';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InvalidPayloadError, UnauthorizedError } from 'src/common/errors/http-errors';
import { emailAccount } from 'src/common/rate-limit/credential-accounts';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import { hashToken, newConfirmationToken } from 'src/users/secrets';
import { User } from 'src/users/user.entity';
import { emailError, passwordError } from 'src/users/user-rules';
import { UserSerializer } from 'src/users/user-serializer.service';
import { Repository } from 'typeorm';

/**
 * Email and password changes (FitTrackee `PATCH /api/auth/profile/edit/account`,
 * `POST /api/auth/email/update`).
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly emails: AccountEmailsService,
    private readonly appConfig: AppConfigService,
    private readonly serializer: UserSerializer,
    private readonly attempts: CredentialAttemptsService,
  ) {}

  /**
   * FitTrackee `PATCH /api/auth/profile/edit/account`: its checks in its order, errors
   * accumulated as it does. The current password is checked under the login's limits: a
   * stolen session token must not become a way to guess it.
   */
  async edit(
    user: User,
    dto: EditAccountDto,
    device: string,
    ip: string | undefined,
  ): Promise<TopLevelResult> {
    if (!dto.email) throw new InvalidPayloadError('email is missing');
    if (!dto.password) throw new InvalidPayloadError('current password is missing');
    const password = dto.password;
    const isValid = await this.attempts.guardPasswordCheck(
      { account: emailAccount(user.email), ip },
      async () => ((await this.passwords.verify(password, user.password)) ? true : null),
    );
    if (!isValid) throw new UnauthorizedError('invalid credentials');
    let errors = '';
    let emailToken: string | undefined;
    if (dto.email !== user.email) {
      errors += emailError(dto.email);
      // FitTrackee fails with a 500 on a duplicate address; answer a clear 400 instead.
      if (errors === '' && (await this.isEmailTaken(dto.email, user.id)))
        throw new InvalidPayloadError();
      if (errors === '') emailToken = this.changeEmail(user, dto.email);
    }
    const newPassword = dto.new_password ?? undefined;
    if (newPassword !== undefined) {
      errors += passwordError(newPassword);
      if (errors === '') user.password = await this.passwords.hash(newPassword);
    }
    if (errors !== '') throw new InvalidPayloadError(errors);
    const saved = await this.users.save(user);
    if (newPassword !== undefined) await this.emails.sendPasswordChange(saved, device);
    if (emailToken !== undefined && saved.emailToConfirm !== null)
      await this.emails.sendEmailUpdate(saved, saved.emailToConfirm, emailToken, device);
    return topLevel({
      message: 'user account updated',
      data: await this.serializer.serializeSelf(saved),
    });
  }

  /** `POST /api/auth/email/update`: the pending address replaces the current one. */
  async confirmEmailUpdate(token: string): Promise<TopLevelResult> {
    const user = await this.users.findOneBy({ confirmationToken: hashToken(token) });
    // An account-confirmation token has no pending email: a 500 in FitTrackee
    // `POST /api/auth/email/update`.
    if (!user?.emailToConfirm || (await this.isEmailTaken(user.emailToConfirm, user.id)))
      throw new InvalidPayloadError();
    await this.users.update(user.id, {
      email: user.emailToConfirm,
      emailToConfirm: null,
      confirmationToken: null,
    });
    return topLevel({ message: 'email updated' });
  }

  private isEmailTaken(email: string, exceptId: number): Promise<boolean> {
    return this.users
      .createQueryBuilder('user')
      .where('LOWER(user.email) = LOWER(:email)', { email })
      .andWhere('user.id != :exceptId', { exceptId })
      .getExists();
  }

  /** With email sending, the change waits for confirmation; without, it applies now. */
  private changeEmail(user: User, email: string): string | undefined {
    if (!this.appConfig.isEmailSendingEnabled()) {
      user.email = email;
      user.emailToConfirm = null;
      user.confirmationToken = null;
      return undefined;
    }
    const { token, hash } = newConfirmationToken();
    user.emailToConfirm = email;
    user.confirmationToken = hash;
    return token;
  }
}
