import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { AppConfig } from 'src/config/configuration';
import { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import { User } from 'src/users/user.entity';
import {
  recordAppDeauthorizations,
  usersAuthorizing,
} from 'src/webhooks/outbox/record-deauthorization';
import { IsNull, Repository } from 'typeorm';

export interface IssuedTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string | null;
  entity: OAuth2Token;
}

export interface NewTokenPair {
  accessToken: string;
  refreshToken: string;
  clientId: number;
  userId: number;
  scope: string | null;
  authorizationCodeId: number | null;
  /** Absent for a pair issued from a code: it starts a new family. */
  familyId?: string;
}

type RevocationColumn = 'family_id' | 'authorization_code_id' | 'client_id' | 'user_id';

export type TokenTypeHint = 'access_token' | 'refresh_token' | undefined;

/** Issue, verify and revoke token pairs (docs/oauth2.md#tokens); only digests are stored. */
@Injectable()
export class OAuth2TokensService {
  constructor(
    @InjectRepository(OAuth2Token) private readonly tokens: Repository<OAuth2Token>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Access token 42 and refresh token 48 alphanumerics (docs/oauth2.md#tokens). */
  static generateAccessToken(): string {
    return randomAlphanumeric(42);
  }

  static generateRefreshToken(): string {
    return randomAlphanumeric(48);
  }

  async issue(pair: NewTokenPair): Promise<IssuedTokenPair> {
    const { accessToken, refreshToken } = pair;
    const expiresIn = this.config.get('oauth2.tokenExpiresIn', { infer: true });
    const entity = await this.tokens.save(
      this.tokens.create({
        clientId: pair.clientId,
        userId: pair.userId,
        accessTokenHash: hashSecret(accessToken),
        refreshTokenHash: hashSecret(refreshToken),
        scope: pair.scope,
        issuedAt: new Date(),
        expiresIn,
        accessTokenRevokedAt: null,
        refreshTokenRevokedAt: null,
        authorizationCodeId: pair.authorizationCodeId,
        familyId: pair.familyId ?? randomUUID(),
      }),
    );
    return { accessToken, refreshToken, expiresIn, scope: pair.scope, entity };
  }

  /** The user of a usable access token: known, not revoked, not expired (docs/oauth2.md#tokens). */
  async verifyAccessToken(accessToken: string): Promise<{ token: OAuth2Token; user: User } | null> {
    const token = await this.tokens.findOneBy({ accessTokenHash: hashSecret(accessToken) });
    if (!token || isRevoked(token) || isAccessTokenExpired(token)) return null;
    const user = await this.users.findOneBy({ id: token.userId });
    return user ? { token, user } : null;
  }

  /** Whether the user behind a grant still exists and is active. */
  isUserActive(userId: number): Promise<boolean> {
    return this.users.existsBy({ id: userId, isActive: true });
  }

  findByRefreshToken(refreshToken: string): Promise<OAuth2Token | null> {
    return this.tokens.findOneBy({ refreshTokenHash: hashSecret(refreshToken) });
  }

  /** Marks one pair revoked; false when it already was (so a concurrent rotation loses). */
  async revokePair(id: number): Promise<boolean> {
    const now = new Date();
    const result = await this.tokens.update(
      { id, refreshTokenRevokedAt: IsNull() },
      { accessTokenRevokedAt: now, refreshTokenRevokedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }

  /** A replayed refresh token revokes every pair rotated from the same grant (RFC 9700 §4.14.2). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeWhere('family_id', familyId);
  }

  /** A replayed code revokes the tokens issued from it (RFC 6749 §4.1.2). */
  async revokeIssuedFromCode(authorizationCodeId: number): Promise<void> {
    await this.revokeWhere('authorization_code_id', authorizationCodeId);
  }

  /**
   * `POST /api/oauth/apps/<id>/revoke` (as in FitTrackee); every user it deauthorizes gets an
   * `app.deauthorized` webhook event in the same transaction (docs/webhooks.md#events).
   */
  async revokeForClient(clientId: number): Promise<void> {
    await this.tokens.manager.transaction(async (manager) => {
      const users = await usersAuthorizing(manager, clientId);
      await manager.query(
        `UPDATE "oauth2_tokens"
            SET "access_token_revoked_at" = COALESCE("access_token_revoked_at", $1),
                "refresh_token_revoked_at" = COALESCE("refresh_token_revoked_at", $1)
          WHERE "client_id" = $2`,
        [new Date(), clientId],
      );
      await recordAppDeauthorizations(manager, clientId, users);
    });
  }

  /** Every grant of one user, whatever the client (`pacekeeper oauth2 tokens revoke --user`). */
  async revokeForUser(userId: number): Promise<void> {
    await this.revokeWhere('user_id', userId);
  }

  /**
   * RFC 7009 revocation (FitTrackee `POST /api/oauth/revoke`): looked up among access tokens then
   * refresh tokens (or only the hinted kind); revoked only when it belongs to the calling client.
   * The whole pair is revoked whatever the hint.
   */
  async revokeForRevocationRequest(
    token: string,
    clientId: number,
    hint: TokenTypeHint,
  ): Promise<void> {
    const digest = hashSecret(token);
    const found =
      (hint !== 'refresh_token'
        ? await this.tokens.findOneBy({ accessTokenHash: digest })
        : null) ??
      (hint !== 'access_token' ? await this.tokens.findOneBy({ refreshTokenHash: digest }) : null);
    if (!found || found.clientId !== clientId) return;
    const now = new Date();
    // The user may have no other usable token of the client left: the app is then told.
    await this.tokens.manager.transaction(async (manager) => {
      await manager.update(
        OAuth2Token,
        { id: found.id },
        {
          accessTokenRevokedAt: found.accessTokenRevokedAt ?? now,
          refreshTokenRevokedAt: found.refreshTokenRevokedAt ?? now,
        },
      );
      if (!isRevoked(found)) await recordAppDeauthorizations(manager, clientId, [found.userId]);
    });
  }

  /**
   * FitTrackee `ftcli oauth2 clean --days N`: delete tokens whose access token expired more
   * than `days` days ago (`issued_at + expires_in < now − days`); returns how many.
   */
  async deleteExpiredBefore(days: number): Promise<number> {
    const result = await this.tokens
      .createQueryBuilder()
      .delete()
      .where('expires_in > 0')
      .andWhere(
        "issued_at + expires_in * interval '1 second' < (now() AT TIME ZONE 'utc') - :days * interval '1 day'",
        { days },
      )
      .execute();
    return result.affected ?? 0;
  }

  private async revokeWhere(column: RevocationColumn, value: string | number): Promise<void> {
    await this.tokens.query(
      `UPDATE "oauth2_tokens"
          SET "access_token_revoked_at" = COALESCE("access_token_revoked_at", $1),
              "refresh_token_revoked_at" = COALESCE("refresh_token_revoked_at", $1)
        WHERE "${column}" = $2`,
      [new Date(), value],
    );
  }
}

export function isRevoked(token: OAuth2Token): boolean {
  return token.accessTokenRevokedAt !== null || token.refreshTokenRevokedAt !== null;
}

/** `issued_at + expires_in < now`, never when expires_in is 0 (docs/oauth2.md#tokens). */
export function isAccessTokenExpired(token: OAuth2Token, now = Date.now()): boolean {
  return token.expiresIn !== 0 && token.issuedAt.getTime() + token.expiresIn * 1000 < now;
}

/** Refresh usable while `issued_at + 2 × expires_in >= now` (docs/oauth2.md#tokens). */
export function isRefreshTokenExpired(token: OAuth2Token, now = Date.now()): boolean {
  return token.issuedAt.getTime() + 2 * token.expiresIn * 1000 < now;
}
