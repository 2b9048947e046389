import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWellFormedPersonalAccessToken } from 'src/auth/personal-tokens/personal-access-token-format';
import type { FoundScopedToken } from 'src/auth/principal';
import { foundUser, PACKED_USER } from 'src/auth/principal-statement';
import { UsedTokenLookup } from 'src/auth/used-token-lookup';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

/** Row keys of the token's own columns, apart from the user's. */
const SCOPE = 'pk_token_scope';
const TOKEN_ID = 'pk_token_id';

/** A usable personal access token: what any scoped token's lookup finds; it always has scopes. */
export interface UsablePersonalAccessToken extends FoundScopedToken {
  scope: string;
}

/** The usable token by its digest, with its user, at `now`. */
function usableTokenQuery(users: EntityRows<User>, digest: string, now: string): string {
  return `SELECT ${foundUser(users, 'u')}, p.id AS "${TOKEN_ID}", p.scope AS "${SCOPE}"
            FROM "personal_access_tokens" p
            JOIN "users" u ON u.id = p.user_id
           WHERE p.token_hash = ${digest} AND (p.expires_at IS NULL OR p.expires_at > ${now})`;
}

/** What the token's lookup selects from `"found"`. */
const SELECTED = `"found"."${PACKED_USER}", "found"."${SCOPE}"`;

/**
 * A presented `pk_pat_` token in one round trip (docs/oauth2.md#personal-access-tokens): the
 * token by its digest (unique index), unexpired, with its user. Asked afresh on every request,
 * alone or with the other lookups of its turn: a revoked (deleted) token, or a deleted user, is
 * refused at once in every process. A malformed token (prefix, length or checksum wrong) is
 * refused before any query. Its `last_used_at` is written as an OAuth2 grant's is
 * (UsedTokenLookup).
 */
@Injectable()
export class PersonalAccessTokenLookup {
  private readonly users: EntityRows<User>;
  private readonly usableToken: UsedTokenLookup;

  constructor(@InjectDataSource() dataSource: DataSource, queries: PreparedQueries) {
    this.users = new EntityRows(dataSource, User);
    this.usableToken = new UsedTokenLookup(
      queries,
      (digest, now) => usableTokenQuery(this.users, digest, now),
      `"used" AS (
         UPDATE "personal_access_tokens" used SET last_used_at = $2 FROM "found" f
          WHERE used.id = f."${TOKEN_ID}"
            AND (used.last_used_at IS NULL OR used.last_used_at < $3))`,
      SELECTED,
    );
  }

  /** The usable token, with `read` about its user read in the same query. */
  async find(
    secret: string,
    read?: CallerRead<unknown>,
  ): Promise<UsablePersonalAccessToken | null> {
    if (!isWellFormedPersonalAccessToken(secret)) return null;
    const row = await this.usableToken.find(hashSecret(secret), read);
    if (row === undefined) return null;
    return {
      user: this.users.hydratePacked(row[PACKED_USER]),
      scope: String(row[SCOPE]),
      read: read?.read(row),
    };
  }
}
