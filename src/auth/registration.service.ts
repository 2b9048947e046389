import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountEmailsService } from 'src/auth/account-emails.service';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { RegisterDto } from 'src/auth/dto/register.dto';
import { PasswordService } from 'src/auth/password.service';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { hashToken, newConfirmationToken } from 'src/users/secrets';
import { User } from 'src/users/user.entity';
import { normalizeLanguage, registerControls } from 'src/users/user-rules';
import { Repository } from 'typeorm';

/**
 * Registration and account confirmation (FitTrackee `POST /api/auth/register`,
 * `POST /api/auth/account/confirm`, `POST /api/auth/account/resend-confirmation`).
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly tokens: AuthTokensService,
    private readonly emails: AccountEmailsService,
  ) {}

  /**
   * Registration-disabled is checked by a guard, before the body (FitTrackee
   * `POST /api/auth/register`).
   */
  async register(dto: RegisterDto, device: string): Promise<void> {
    if (dto.accepted_policy !== true)
      throw new InvalidPayloadError('sorry, you must agree privacy policy to register');
    const errors = registerControls(dto.username, dto.email, dto.password);
    if (errors !== '') throw new InvalidPayloadError(errors);
    if (await this.exists('username', dto.username))
      throw new InvalidPayloadError('sorry, that username is already taken');
    // An existing email answers success and creates nothing: no account enumeration (FitTrackee
    // `POST /api/auth/register`).
    if (await this.exists('email', dto.email)) return;
    const { token, hash } = newConfirmationToken();
    const user = await this.users.save(
      this.users.create({
        username: dto.username,
        email: dto.email,
        password: await this.passwords.hash(dto.password),
        isActive: false,
        timezone: 'Europe/Paris',
        dateFormat: 'MM/dd/yyyy',
        language: normalizeLanguage(dto.language),
        acceptedPolicyDate: new Date(),
        confirmationToken: hash,
      }),
    );
    await this.emails.sendAccountConfirmation(user, token, device);
  }

  /** Activates the account and logs the user in (FitTrackee `POST /api/auth/account/confirm`). */
  async confirm(token: string): Promise<TopLevelResult> {
    const user = await this.users.findOneBy({ confirmationToken: hashToken(token) });
    if (!user) throw new InvalidPayloadError();
    await this.users.update(user.id, { isActive: true, confirmationToken: null });
    return topLevel({
      message: 'account confirmation successful',
      auth_token: this.tokens.issueAuthToken(user.id),
    });
  }

  /**
   * Email matched case-sensitively, inactive accounts only (FitTrackee
   * `POST /api/auth/account/resend-confirmation`).
   */
  async resendConfirmation(email: string, device: string): Promise<TopLevelResult> {
    const user = await this.users.findOneBy({ email, isActive: false });
    if (user) {
      const { token, hash } = newConfirmationToken();
      await this.users.update(user.id, { confirmationToken: hash });
      await this.emails.sendAccountConfirmation(user, token, device);
    }
    return topLevel({ message: 'confirmation email resent' });
  }

  private async exists(column: 'username' | 'email', value: string): Promise<boolean> {
    return this.users
      .createQueryBuilder('user')
      .where(`LOWER(user.${column}) = LOWER(:value)`, { value })
      .getExists();
  }
}
