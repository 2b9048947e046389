import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OAuth2AuthorizationCode } from 'src/oauth2/tokens/oauth2-authorization-code.entity';
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import { type EntityManager, IsNull, Repository } from 'typeorm';

export interface NewAuthorizationCode {
  clientId: number;
  userId: number;
  redirectUri: string | null;
  scope: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
}

/**
 * Authorization codes: 48 alphanumerics, stored as digests
 * (docs/oauth2.md#authorization-code-flow).
 */
@Injectable()
export class OAuth2CodesService {
  constructor(
    @InjectRepository(OAuth2AuthorizationCode)
    private readonly codes: Repository<OAuth2AuthorizationCode>,
  ) {}

  async create(code: NewAuthorizationCode): Promise<string> {
    const value = randomAlphanumeric(48);
    await this.codes.save(
      this.codes.create({
        ...code,
        codeHash: hashSecret(value),
        authTime: new Date(),
        usedAt: null,
      }),
    );
    return value;
  }

  findByCode(code: string): Promise<OAuth2AuthorizationCode | null> {
    return this.codes.findOneBy({ codeHash: hashSecret(code) });
  }

  /** Atomic single use: only one of two concurrent exchanges marks the code (RFC 6749 §4.1.2). */
  async markUsed(id: number): Promise<boolean> {
    const result = await this.codes.update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** One user's pending codes of one app, in the caller's transaction (ConnectedAppsService). */
  async deleteUnusedForGrant(
    manager: EntityManager,
    userId: number,
    clientId: number,
  ): Promise<void> {
    await manager.delete(OAuth2AuthorizationCode, { userId, clientId, usedAt: IsNull() });
  }
}
