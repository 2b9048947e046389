import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { parseScopes } from 'src/auth/scopes';
import type { AppConfig } from 'src/config/configuration';
import {
  type GrantOwnerColumn,
  OAuth2GrantsService,
} from 'src/oauth2/connected-apps/oauth2-grants.service';
import type { OAuth2IntrospectionResponseDto } from 'src/oauth2/dto/oauth2-introspection-response.dto';
import { OAuth2Token } from 'src/oauth2/tokens/oauth2-token.entity';
import { hashSecret, randomAlphanumeric } from 'src/oauth2/tokens/secrets';
import { User } from 'src/users/user.entity';
import {
  recordAppDeauthorizations,
  usersAuthorizing,
} from 'src/webhooks/outbox/record-deauthorization';
import { type EntityManager, IsNull, Repository } from 'typeorm';

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

type TokenKind = 'access_token' | 'refresh_token';

export type TokenTypeHint = TokenKind | undefined;

/** The client asking (RFC 7662 §2.1): its row id and its public `client_id`. */
export interface IntrospectingClient {
  id: number;
  clientId: string;
}

/** Issue, verify and revoke token pairs (docs/oauth2.md#tokens); only digests are stored. */
@Injectable()
export class OAuth2TokensService {
  constructor(
    @InjectRepository(OAuth2Token) private readonly tokens: Repository<OAuth2Token>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly grants: OAuth2GrantsService,
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

  /** Whether the user's grant of the app exists, read before a code or refresh is consumed. */
  async hasGrant(userId: number, clientId: number): Promise<boolean> {
    return (await this.grants.find(userId, clientId)) !== null;
  }

  /**
   * A pair for the token endpoint, which stands only while the user's grant of the app does
   * (docs/oauth2.md#connected-apps). `hadGrant` is what `hasGrant` said before the code or
   * refresh token was consumed: a grant that existed then and is gone now was revoked meanwhile,
   * so the new pair is revoked at once and null returned; a grant that never existed is
   * created. Also marks the grant used.
   */
  async issueWithinGrant(pair: NewTokenPair, hadGrant: boolean): Promise<IssuedTokenPair | null> {
    const issued = await this.issue(pair);
    if (await this.grants.confirmInForce(pair.userId, pair.clientId)) return issued;
    if (hadGrant) {
      await this.revokePair(issued.entity.id);
      return null;
    }
    await this.grants.ensure(pair.userId, pair.clientId, parseScopes(pair.scope));
    return issued;
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
   * `POST /api/oauth/apps/<id>/revoke` (as in FitTrackee): every user's consent to the app is
   * forgotten too, so each must approve it again (docs/oauth2.md#connected-apps), and every user
   * it deauthorizes gets an `app.deauthorized` webhook event in the same transaction
   * (docs/webhooks.md#events).
   */
  async revokeForClient(clientId: number): Promise<void> {
    await this.tokens.manager.transaction(async (manager) => {
      const users = await usersAuthorizing(manager, clientId);
      await this.grants.forgetAll(manager, 'client_id', clientId);
      await this.revokeWhere('client_id', clientId, manager);
      await recordAppDeauthorizations(manager, clientId, users);
    });
  }

  /**
   * Every grant of one user, whatever the client (`pacekeeper oauth2 tokens revoke --user`),
   * consents included.
   */
  async revokeForUser(userId: number): Promise<void> {
    await this.revokeAndForget('user_id', userId);
  }

  /** One user's tokens of one app, in the caller's transaction (ConnectedAppsService.revoke). */
  async revokeForGrant(manager: EntityManager, userId: number, clientId: number): Promise<void> {
    await manager.query(
      `UPDATE "oauth2_tokens"
          SET "access_token_revoked_at" = COALESCE("access_token_revoked_at", $1),
              "refresh_token_revoked_at" = COALESCE("refresh_token_revoked_at", $1)
        WHERE "user_id" = $2 AND "client_id" = $3`,
      [new Date(), userId, clientId],
    );
  }

  /**
   * RFC 7009 revocation (FitTrackee `POST /api/oauth/revoke`): looked up among access tokens then
   * refresh tokens (or only the hinted kind); revoked only when it belongs to the calling client.
   * The whole pair is revoked whatever the hint. When that was the user's last pair of the app,
   * the app signed the user out and its grant ends (docs/oauth2.md#connected-apps).
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
    await this.grants.forgetIfSignedOut(found.userId, found.clientId);
  }

  /**
   * RFC 7662 §2.2 introspection: the token is looked up as the hinted kind first, then as the
   * other (§2.1). Only a usable token issued to the calling client is described; anything else,
   * another client's token included, is `{"active": false}` and tells nothing more
   * (docs/oauth2.md#introspection).
   */
  async introspect(
    token: string,
    client: IntrospectingClient,
    hint: TokenTypeHint,
  ): Promise<OAuth2IntrospectionResponseDto> {
    const digest = hashSecret(token);
    const kinds: TokenKind[] =
      hint === 'refresh_token'
        ? ['refresh_token', 'access_token']
        : ['access_token', 'refresh_token'];
    for (const kind of kinds) {
      const found = await this.tokens.findOneBy(
        kind === 'access_token' ? { accessTokenHash: digest } : { refreshTokenHash: digest },
      );
      if (found) return this.describe(found, kind, client);
    }
    return { active: false };
  }

  private async describe(
    token: OAuth2Token,
    kind: TokenKind,
    client: IntrospectingClient,
  ): Promise<OAuth2IntrospectionResponseDto> {
    const isAccess = kind === 'access_token';
    const isExpired = isAccess ? isAccessTokenExpired(token) : isRefreshTokenExpired(token);
    if (token.clientId !== client.id || isRevoked(token) || isExpired) return { active: false };
    const user = await this.users.findOneBy({ id: token.userId, isActive: true });
    if (!user) return { active: false };
    const iat = Math.floor(token.issuedAt.getTime() / 1000);
    const lifetime = isAccess ? token.expiresIn : 2 * token.expiresIn;
    return {
      active: true,
      ...(token.scope ? { scope: token.scope } : {}),
      client_id: client.clientId,
      username: user.username,
      ...(isAccess && token.expiresIn === 0 ? {} : { exp: iat + lifetime }),
      iat,
      token_type: isAccess ? 'Bearer' : 'refresh_token',
    };
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

  private async revokeAndForget(column: GrantOwnerColumn, value: number): Promise<void> {
    await this.tokens.manager.transaction(async (manager) => {
      await this.grants.forgetAll(manager, column, value);
      await this.revokeWhere(column, value, manager);
    });
  }

  private async revokeWhere(
    column: RevocationColumn,
    value: string | number,
    manager: EntityManager = this.tokens.manager,
  ): Promise<void> {
    await manager.query(
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
