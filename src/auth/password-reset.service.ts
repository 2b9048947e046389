import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountEmailsService } from 'src/auth/account-emails.service';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { PasswordUpdateDto } from 'src/auth/dto/password-update.dto';
import { PasswordService } from 'src/auth/password.service';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InvalidPayloadError, UnauthorizedError } from 'src/common/errors/http-errors';
import { emailAccount, resetTokenAccount } from 'src/common/rate-limit/credential-accounts';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import { User } from 'src/users/user.entity';
import { passwordError } from 'src/users/user-rules';
import { Repository } from 'typeorm';

const INVALID_RESET_TOKEN = 'invalid token, please request a new token';

/**
 * Forgotten password (FitTrackee `POST /api/auth/password/reset-request`,
 * `POST /api/auth/password/update`); email sending is checked by a guard.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly tokens: AuthTokensService,
    private readonly emails: AccountEmailsService,
    private readonly jwt: JwtService,
    private readonly attempts: CredentialAttemptsService,
  ) {}

  /**
   * Exact (case-sensitive) email, active or not; the answer never says whether it exists.
   * Each request sends an email, so each one counts against the address and the account.
   */
  async requestReset(
    email: string,
    device: string,
    ip: string | undefined,
  ): Promise<TopLevelResult> {
    await this.attempts.countRequest('reset-requests', { account: emailAccount(email), ip });
    const user = await this.users.findOneBy({ email });
    if (user) {
      const token = this.tokens.issuePasswordResetToken(user.id);
      await this.emails.sendPasswordResetRequest(user, token, device);
    }
    return topLevel({ message: 'password reset request processed' });
  }

  /**
   * The reset JWT is not blacklisted nor invalidated after use, as in FitTrackee
   * (`POST /api/auth/password/update`).
   * Invalid tokens count as failed checks of the address and of the user the token names.
   */
  async updatePassword(
    dto: PasswordUpdateDto,
    device: string,
    ip: string | undefined,
  ): Promise<TopLevelResult> {
    const attempt = await this.attempts.beginSecretCheck({
      account: this.claimedAccount(dto.token),
      ip,
    });
    const userId = this.userIdOf(dto.token);
    if (userId === null) {
      await attempt.failed();
      throw new UnauthorizedError(INVALID_RESET_TOKEN);
    }
    await attempt.succeeded();
    const error = passwordError(dto.password);
    if (error !== '') throw new InvalidPayloadError(error);
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new UnauthorizedError(INVALID_RESET_TOKEN);
    await this.users.update(user.id, { password: await this.passwords.hash(dto.password) });
    await this.emails.sendPasswordChange(user, device);
    return topLevel({ message: 'password updated' });
  }

  /** Malformed, badly signed or expired: null for all, one answer (FitTrackee's). */
  private userIdOf(token: string): number | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token, { algorithms: ['HS256'] });
      const id = Number(payload.sub);
      return Number.isSafeInteger(id) ? id : null;
    } catch {
      return null;
    }
  }

  /** The user the token names, signature unchecked: only ever a counter's name. */
  private claimedAccount(token: string): string | undefined {
    let payload: unknown;
    try {
      payload = this.jwt.decode(token);
    } catch {
      // jws throws on a `"typ":"JWT"` header over a payload that is not JSON.
      return undefined;
    }
    const sub = (payload as { sub?: unknown } | null)?.sub;
    return typeof sub === 'number' || typeof sub === 'string'
      ? resetTokenAccount(String(sub))
      : undefined;
  }
}
