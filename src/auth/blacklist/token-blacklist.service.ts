import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BlacklistedToken } from 'src/auth/blacklist/blacklisted-token.entity';
import { hashToken } from 'src/users/secrets';
import { LessThan, Repository } from 'typeorm';

/**
 * The logout blacklist (docs/compatibility.md#auth-tokens); exported for the `clean_tokens` CLI
 * command.
 */
@Injectable()
export class TokenBlacklistService {
  constructor(
    @InjectRepository(BlacklistedToken) private readonly tokens: Repository<BlacklistedToken>,
  ) {}

  async isBlacklisted(token: string): Promise<boolean> {
    return this.tokens.existsBy({ tokenHash: hashToken(token) });
  }

  /** Adds the token; blacklisting it twice is harmless. */
  async add(token: string, expiredAt: number): Promise<void> {
    await this.tokens
      .createQueryBuilder()
      .insert()
      .values({ tokenHash: hashToken(token), expiredAt })
      .orIgnore()
      .execute();
  }

  /** `ftcli users clean_tokens --days N`: removes rows whose `exp` is older than N days. */
  async purgeExpiredBefore(days: number, now: Date = new Date()): Promise<number> {
    const limit = Math.floor(now.getTime() / 1000) - days * 86400;
    const result = await this.tokens.delete({ expiredAt: LessThan(limit) });
    return result.affected ?? 0;
  }
}
