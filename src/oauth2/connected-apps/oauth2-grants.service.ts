import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OAuth2Grant } from 'src/oauth2/connected-apps/oauth2-grant.entity';
import { type EntityManager, Repository } from 'typeorm';

export type GrantOwnerColumn = 'user_id' | 'client_id';

/** The rows of `oauth2_grants` (docs/oauth2.md#connected-apps); the rules live with the callers. */
@Injectable()
export class OAuth2GrantsService {
  constructor(@InjectRepository(OAuth2Grant) private readonly grants: Repository<OAuth2Grant>) {}

  find(userId: number, clientId: number): Promise<OAuth2Grant | null> {
    return this.grants.findOneBy({ userId, clientId });
  }

  listForUser(userId: number): Promise<OAuth2Grant[]> {
    return this.grants.find({
      where: { userId },
      order: { firstAuthorizedAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * A consent: the first one creates the grant, a later one adds its scopes and moves the
   * redirect URI to the one just consented to; the first authorization date never moves.
   */
  async record(
    userId: number,
    clientId: number,
    scopes: readonly string[],
    redirectUri: string,
  ): Promise<void> {
    await this.grants.query(
      `INSERT INTO "oauth2_grants"
         ("user_id", "client_id", "scopes", "redirect_uri", "first_authorized_at")
       VALUES ($1, $2, $3::text[], $4, $5)
       ON CONFLICT ("user_id", "client_id") DO UPDATE
          SET "scopes" = ARRAY(
                SELECT DISTINCT unnest("oauth2_grants"."scopes" || EXCLUDED."scopes") ORDER BY 1),
              "redirect_uri" = EXCLUDED."redirect_uri"`,
      [userId, clientId, [...scopes], redirectUri, new Date()],
    );
  }

  /**
   * Tokens from a code or refresh token that no consent recorded (issued before grants were
   * kept, or by a path that records none): the grant is created so the app is listed, with no
   * redirect URI, so the consent screen is not skipped on its strength.
   */
  async ensure(userId: number, clientId: number, scopes: readonly string[]): Promise<void> {
    await this.grants.query(
      `INSERT INTO "oauth2_grants"
         ("user_id", "client_id", "scopes", "redirect_uri", "first_authorized_at", "last_used_at")
       VALUES ($1, $2, $3::text[], NULL, $4, $4)
       ON CONFLICT ("user_id", "client_id") DO NOTHING`,
      [userId, clientId, [...scopes], new Date()],
    );
  }

  /**
   * Tokens were just issued: marks the grant used and tells whether it is still in force. The
   * UPDATE waits for a revocation that holds the row, so tokens issued while the user revokes
   * the app are caught here (docs/oauth2.md#connected-apps).
   */
  async confirmInForce(userId: number, clientId: number): Promise<boolean> {
    const result = await this.grants.update({ userId, clientId }, { lastUsedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Deletes the user's grant of the app with this public `client_id`; its row id, or null. */
  async remove(
    manager: EntityManager,
    userId: number,
    publicClientId: string,
  ): Promise<number | null> {
    const [rows] = await manager.query<[{ client_id: number }[], number]>(
      `DELETE FROM "oauth2_grants" AS "g" USING "oauth2_clients" AS "c"
        WHERE "g"."client_id" = "c"."id" AND "c"."client_id" = $2 AND "g"."user_id" = $1
        RETURNING "g"."client_id"`,
      [userId, publicClientId],
    );
    return rows[0]?.client_id ?? null;
  }

  /** Every grant of a user or of a client, when all their tokens are revoked at once. */
  async forgetAll(manager: EntityManager, column: GrantOwnerColumn, value: number): Promise<void> {
    await manager.query(`DELETE FROM "oauth2_grants" WHERE "${column}" = $1`, [value]);
  }

  /**
   * The app revoked a token (RFC 7009): once the user has no usable refresh token and no pending
   * code of the app left, the app signed the user out and the grant ends with it.
   */
  async forgetIfSignedOut(userId: number, clientId: number): Promise<void> {
    await this.grants.query(
      `DELETE FROM "oauth2_grants"
        WHERE "user_id" = $1 AND "client_id" = $2
          AND NOT EXISTS (
            SELECT 1 FROM "oauth2_tokens"
             WHERE "user_id" = $1 AND "client_id" = $2 AND "refresh_token_revoked_at" IS NULL
               AND "issued_at" + 2 * "expires_in" * interval '1 second' >= $3)
          AND NOT EXISTS (
            SELECT 1 FROM "oauth2_authorization_codes"
             WHERE "user_id" = $1 AND "client_id" = $2 AND "used_at" IS NULL)`,
      [userId, clientId, new Date()],
    );
  }
}
