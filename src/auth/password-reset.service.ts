import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountEmailsService } from 'src/auth/account-emails.service';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import type { PasswordUpdateDto } from 'src/auth/dto/password-update.dto';
import { PasswordService } from 'src/auth/password.service';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InvalidPayloadError, UnauthorizedError } from 'src/common/errors/http-errors';
import { User } from 'src/users/user.entity';
import { passwordError } from 'src/users/user-rules';
import { Repository } from 'typeorm';

const INVALID_RESET_TOKEN = 'invalid token, please request a new token';

/** Forgotten password (spec auth.md §4.12–4.13); email sending is checked by a guard. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly tokens: AuthTokensService,
    private readonly emails: AccountEmailsService,
    private readonly jwt: JwtService,
  ) {}

  /** Exact (case-sensitive) email, active or not; the answer never says whether it exists. */
  async requestReset(email: string, device: string): Promise<TopLevelResult> {
    const user = await this.users.findOneBy({ email });
    if (user) {
      const token = this.tokens.issuePasswordResetToken(user.id);
      await this.emails.sendPasswordResetRequest(user, token, device);
    }
    return topLevel({ message: 'password reset request processed' });
  }

  /** The reset JWT is not blacklisted nor invalidated after use, as in FitTrackee (§4.13). */
  async updatePassword(dto: PasswordUpdateDto, device: string): Promise<TopLevelResult> {
    const userId = this.userIdOf(dto.token);
    const error = passwordError(dto.password);
    if (error !== '') throw new InvalidPayloadError(error);
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new UnauthorizedError(INVALID_RESET_TOKEN);
    await this.users.update(user.id, { password: await this.passwords.hash(dto.password) });
    await this.emails.sendPasswordChange(user, device);
    return topLevel({ message: 'password updated' });
  }

  private userIdOf(token: string): number {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token, { algorithms: ['HS256'] });
      const id = Number(payload.sub);
      if (Number.isSafeInteger(id)) return id;
    } catch {
      // Malformed, badly signed or expired: the same answer for all (spec auth.md §4.13).
    }
    throw new UnauthorizedError(INVALID_RESET_TOKEN);
  }
}
