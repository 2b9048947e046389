import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PrincipalLookup } from 'src/auth/principal-lookup';
import { foundUser, PACKED_USER } from 'src/auth/principal-statement';
import type { VerifiedToken } from 'src/auth/strategies/verified-tokens';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

/** What a first-party token's lookup found: its user, and the route's read about them. */
export interface FoundFirstPartyUser {
  user: User;
  read: unknown;
}

/**
 * The user of a verified first-party token, unless the token is on the logout blacklist: a
 * logged-out token is "not recognised", hence invalid_token (docs/oauth2.md#resource-protection
 * step 3). One round trip on two unique indexes, asked afresh on every request, alone or with
 * the other lookups of its turn (PrincipalLookup): a logout, a deactivation or a deletion
 * applies at once, in every process. What the route reads about its caller comes in the same
 * round trip.
 */
@Injectable()
export class FirstPartyUserLookup {
  private readonly users: EntityRows<User>;
  private readonly unlessLoggedOut: PrincipalLookup<readonly ['int8', 'text']>;

  constructor(@InjectDataSource() dataSource: DataSource, queries: PreparedQueries) {
    this.users = new EntityRows(dataSource, User);
    this.unlessLoggedOut = new PrincipalLookup(
      queries,
      ([userId, tokenHash]) =>
        `WITH "found" AS (
           SELECT ${foundUser(this.users, 'u')}
             FROM "users" u WHERE u.id = ${userId}
              AND NOT EXISTS (SELECT 1 FROM "blacklisted_tokens" b WHERE b.token_hash = ${tokenHash}))`,
      `"found"."${PACKED_USER}"`,
      // int8: a `sub` past PostgreSQL's integer range finds no user instead of failing the query.
      ['int8', 'text'] as const,
    );
  }

  /** The token's user, with `read` about them; null when the token is not recognised. */
  async find(
    token: VerifiedToken,
    read: CallerRead<unknown> | undefined,
  ): Promise<FoundFirstPartyUser | null> {
    const row = await this.unlessLoggedOut.find([token.userId, token.tokenHash], read);
    if (row === undefined) return null;
    return { user: this.users.hydratePacked(row[PACKED_USER]), read: read?.read(row) };
  }
}
