import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWellFormedPersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token-format';
import type { FoundScopedToken } from 'src/auth/principal';
import { foundUser, PACKED_USER, PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
import { LAST_USED_RESOLUTION_MS } from 'src/oauth2/connected-apps/last-used-throttle';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

/** Row key of the token's scope, apart from the user's columns. */
const SCOPE = 'pk_token_scope';

/** A usable personal access token: what any scoped token's lookup finds; it always has scopes. */
export interface UsablePersonalAccessToken extends FoundScopedToken {
  scope: string;
}

/**
 * A presented `pk_pat_` token in one round trip (docs/oauth2.md#personal-access-tokens): the
 * token by its digest (unique index), unexpired, with its user, and its `last_used_at` written
 * in the same statement when older than `LAST_USED_RESOLUTION_MS`, as an OAuth2 grant's. Asked
 * afresh on every request: a revoked (deleted) token, or a deleted user, is refused at once in
 * every process. A malformed token (prefix, length or checksum wrong) is refused before any
 * query.
 */
@Injectable()
export class PersonalAccessTokenLookup {
  private readonly users: EntityRows<User>;
  private readonly usableToken: PrincipalStatement;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly queries: PreparedQueries,
  ) {
    this.users = new EntityRows(dataSource, User);
    this.usableToken = new PrincipalStatement(
      `WITH "found" AS (
         SELECT ${foundUser(this.users, 'u')},
                p.id AS "pk_token_id", p.scope AS "${SCOPE}"
           FROM "personal_access_tokens" p
           JOIN "users" u ON u.id = p.user_id
          WHERE p.token_hash = $1 AND (p.expires_at IS NULL OR p.expires_at > $2)),
       "used" AS (
         UPDATE "personal_access_tokens" used SET last_used_at = $2 FROM "found" f
          WHERE used.id = f."pk_token_id"
            AND (used.last_used_at IS NULL OR used.last_used_at < $3))`,
      `"found"."${PACKED_USER}", "found"."${SCOPE}"`,
    );
  }

  /** The usable token, with `read` about its user read in the same query. */
  async find(
    secret: string,
    read?: CallerRead<unknown>,
  ): Promise<UsablePersonalAccessToken | null> {
    if (!isWellFormedPersonalAccessToken(secret)) return null;
    const now = Date.now();
    const params = new SqlParams([
      hashSecret(secret),
      new Date(now),
      new Date(now - LAST_USED_RESOLUTION_MS),
    ]);
    const [row] = await this.queries.rows<Record<string, unknown>>(
      this.usableToken.reading(read, params),
      params.values,
    );
    if (row === undefined) return null;
    return {
      user: this.users.hydratePacked(row[PACKED_USER]),
      scope: String(row[SCOPE]),
      read: read?.read(row),
    };
  }
}
