import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthTokensService } from 'src/auth/auth-tokens.service';
import { TokenBlacklistService } from 'src/auth/blacklist/token-blacklist.service';
import type { LoginDto } from 'src/auth/dto/login.dto';
import { PasswordService } from 'src/auth/password.service';
import type { Principal } from 'src/auth/principal';
import { topLevel, type TopLevelResult } from 'src/common/envelope/envelope.types';
import { InternalError, UnauthorizedError } from 'src/common/errors/http-errors';
import { emailAccount } from 'src/common/rate-limit/credential-accounts';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import { User } from 'src/users/user.entity';
import { Repository } from 'typeorm';

/**
 * Login, logout and privacy-policy acceptance (FitTrackee `POST /api/auth/login`,
 * `POST /api/auth/logout`, `POST /api/auth/account/privacy-policy`).
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly tokens: AuthTokensService,
    private readonly blacklist: TokenBlacklistService,
    private readonly jwt: JwtService,
    private readonly attempts: CredentialAttemptsService,
  ) {}

  /**
   * Active accounts only, email compared case-insensitively (FitTrackee
   * `POST /api/auth/login`); failed attempts are limited per email and per address.
   */
  async login(dto: LoginDto, ip: string | undefined): Promise<TopLevelResult> {
    const email = dto.email ?? '';
    const user = await this.attempts.guardPasswordCheck(
      { account: email === '' ? undefined : emailAccount(email), ip },
      () => this.findActiveUser(email, dto.password),
    );
    if (!user) throw new UnauthorizedError('invalid credentials');
    return topLevel({
      message: 'successfully logged in',
      auth_token: this.tokens.issueAuthToken(user.id),
    });
  }

  private async findActiveUser(email: string, password: string | undefined): Promise<User | null> {
    const user = await this.users
      .createQueryBuilder('user')
      .where('LOWER(user.email) = LOWER(:email)', { email })
      .andWhere('user.isActive = true')
      .getOne();
    const isValid =
      user !== null &&
      password !== undefined &&
      (await this.passwords.verify(password, user.password));
    return isValid ? user : null;
  }

  /** The token is blacklisted until it expires (docs/compatibility.md#auth-tokens). */
  async logout(principal: Principal): Promise<TopLevelResult> {
    const payload: unknown = this.jwt.decode(principal.token);
    const exp = (payload as { exp?: unknown } | null)?.exp;
    if (principal.kind !== 'first-party' || typeof exp !== 'number')
      throw new InternalError('error on token blacklist');
    await this.blacklist.add(principal.token, exp);
    return topLevel({ message: 'successfully logged out' });
  }

  async acceptPrivacyPolicy(user: User): Promise<void> {
    await this.users.update(user.id, { acceptedPolicyDate: new Date() });
  }
}
