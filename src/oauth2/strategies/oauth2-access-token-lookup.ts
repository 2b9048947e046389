import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FoundScopedToken } from 'src/auth/principal';
import { foundUser, PACKED_USER } from 'src/auth/principal-statement';
import { UsedTokenLookup } from 'src/auth/used-token-lookup';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { hashSecret } from 'src/oauth2/tokens/secrets';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

/** A usable access token: what any scoped token's lookup finds, and its client's row id. */
export interface UsableAccessToken extends FoundScopedToken {
  clientId: number;
}

/** Row keys of the token's own columns, apart from the user's. */
const SCOPE = 'pk_token_scope';
const CLIENT_ID = 'pk_token_client_id';

/** What the token's lookup selects from `"found"`. */
const SELECTED = `"found"."${PACKED_USER}", "found"."${CLIENT_ID}", "found"."${SCOPE}"`;

/** The usable token by its digest, with its user, at `now`. */
function usableTokenQuery(users: EntityRows<User>, digest: string, now: string): string {
  // The expiry test is the one of isAccessTokenExpired: expires_in 0 never expires.
  return `SELECT ${foundUser(users, 'u')},
                 t.client_id AS "${CLIENT_ID}", t.scope AS "${SCOPE}"
            FROM "oauth2_tokens" t
            JOIN "oauth2_clients" c ON c.id = t.client_id
            JOIN "users" u ON u.id = t.user_id
           WHERE t.access_token_hash = ${digest}
             AND t.access_token_revoked_at IS NULL AND t.refresh_token_revoked_at IS NULL
             AND (t.expires_in = 0 OR t.issued_at + t.expires_in * interval '1 second' >= ${now})`;
}

/**
 * The access token of docs/oauth2.md#resource-protection step 4 in one round trip: the token by
 * its digest (unique index), usable (neither half revoked, not expired: docs/oauth2.md#tokens),
 * of a client that still exists, with its user. Asked afresh on every request, so a revocation,
 * a disconnected app, a deleted client or user applies at once, in every process. The one
 * definition of a usable access token: the token endpoint's library model asks it too.
 *
 * The grant's `last_used_at` (docs/oauth2.md#connected-apps) is written by the same statement
 * when older than a minute; a token this process marked less than a minute ago is looked up
 * without that write.
 */
@Injectable()
export class OAuth2AccessTokenLookup {
  private readonly users: EntityRows<User>;
  private readonly usableToken: UsedTokenLookup;

  constructor(@InjectDataSource() dataSource: DataSource, queries: PreparedQueries) {
    this.users = new EntityRows(dataSource, User);
    this.usableToken = new UsedTokenLookup(
      queries,
      (digest, now) => usableTokenQuery(this.users, digest, now),
      `"touched" AS (
         UPDATE "oauth2_grants" g SET last_used_at = $2 FROM "found" f
          WHERE g.user_id = f.id AND g.client_id = f."${CLIENT_ID}"
            AND (g.last_used_at IS NULL OR g.last_used_at <= $3))`,
      SELECTED,
    );
  }

  /** The usable token, with `read` about its user read in the same query. */
  async find(accessToken: string, read?: CallerRead<unknown>): Promise<UsableAccessToken | null> {
    const row = await this.usableToken.find(hashSecret(accessToken), read);
    if (row === undefined) return null;
    const scope = row[SCOPE];
    return {
      user: this.users.hydratePacked(row[PACKED_USER]),
      clientId: Number(row[CLIENT_ID]),
      scope: typeof scope === 'string' ? scope : null,
      read: read?.read(row),
    };
  }
}
