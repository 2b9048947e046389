import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { compare, hash } from 'bcrypt';
import { emailAccount } from 'src/common/rate-limit/credential-accounts';
import { CredentialAttemptsService } from 'src/common/rate-limit/credential-attempts.service';
import type { AppConfig } from 'src/config/configuration';
import { User } from 'src/users/user.entity';
import { Repository } from 'typeorm';

/**
 * The consent page's sign-in, with the rules of FitTrackee `POST /api/auth/login`, its
 * failures counted with the login's: one limit per account whichever form is used.
 */
@Injectable()
export class BrowserLoginService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly attempts: CredentialAttemptsService,
  ) {}

  /**
   * An active user whose email matches case-insensitively and whose password is right;
   * throws RateLimitError when the account or the address is over its limit.
   */
  async login(email: unknown, password: unknown, ip: string | undefined): Promise<User | null> {
    if (typeof email !== 'string' || typeof password !== 'string' || email === '') return null;
    return this.attempts.guardPasswordCheck({ account: emailAccount(email), ip }, async () => {
      const user = await this.users
        .createQueryBuilder('user')
        .where('lower(user.email) = lower(:email)', { email })
        .getOne();
      const isMatch = await compare(password, user?.password ?? (await this.getDummyHash()));
      return user && isMatch && user.isActive ? user : null;
    });
  }

  /** Compared when the email is unknown, so the answer time does not reveal accounts. */
  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hash(
      randomBytes(16).toString('hex'),
      this.config.get('auth.bcryptRounds', { infer: true }),
    );
    return this.dummyHash;
  }

  /** The session's user, if it still exists and is active. */
  async getActiveUser(id: number | null): Promise<User | null> {
    if (id === null) return null;
    const user = await this.users.findOneBy({ id });
    return user?.isActive ? user : null;
  }
}
