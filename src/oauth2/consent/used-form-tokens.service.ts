import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UsedFormToken } from 'src/oauth2/consent/used-form-token.entity';
import { Repository } from 'typeorm';

/**
 * Single use of the consent page's form tokens, shared by every instance through the
 * database: of two requests carrying the same token, exactly one is accepted.
 */
@Injectable()
export class UsedFormTokensService {
  constructor(
    @InjectRepository(UsedFormToken) private readonly tokens: Repository<UsedFormToken>,
  ) {}

  /** True the first time a nonce is presented; expired rows are purged on the way. */
  async consume(
    nonce: string,
    expiresAt: number,
    now = Math.floor(Date.now() / 1000),
  ): Promise<boolean> {
    const rows = await this.tokens.query<unknown[]>(
      `WITH purged AS (DELETE FROM "oauth2_used_form_tokens" WHERE "expires_at" < $3)
       INSERT INTO "oauth2_used_form_tokens" ("nonce_hash", "expires_at") VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [createHash('sha256').update(nonce).digest('hex'), expiresAt, now],
    );
    return rows.length === 1;
  }
}
