import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { compare, hash } from 'bcrypt';
import type { AppConfig } from 'src/config/configuration';

/**
 * bcrypt with `BCRYPT_LOG_ROUNDS` (docs/compatibility.md#constants); exported for the users module
 * and the CLI.
 */
@Injectable()
export class PasswordService {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  hash(password: string): Promise<string> {
    return hash(password, this.config.get('auth.bcryptRounds', { infer: true }));
  }

  /** False for any malformed hash, never an exception. */
  async verify(password: string, passwordHash: string): Promise<boolean> {
    try {
      return await compare(password, passwordHash);
    } catch {
      return false;
    }
  }
}
