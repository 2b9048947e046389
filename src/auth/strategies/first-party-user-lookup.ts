import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOOKUP_POSITION, PrincipalBatchStatement } from 'src/auth/principal-batch-statement';
import { foundUser, PACKED_USER, PrincipalStatement } from 'src/auth/principal-statement';
import type { VerifiedToken } from 'src/auth/strategies/verified-tokens';
import type { CallerRead } from 'src/database/caller-read';
import { EntityRows } from 'src/database/entity-rows';
import { PreparedQueries } from 'src/database/prepared-queries';
import { SameTurnBatches } from 'src/database/same-turn-batches';
import { SqlParams } from 'src/database/sql-params';
import { User } from 'src/users/user.entity';
import { DataSource } from 'typeorm';

type Row = Record<string, unknown>;

/** What a first-party token's lookup found: its user, and the route's read about them. */
export interface FoundFirstPartyUser {
  user: User;
  read: unknown;
}

/**
 * The user of a verified first-party token, unless the token is on the logout blacklist: a
 * logged-out token is "not recognised", hence invalid_token (docs/oauth2.md#resource-protection
 * step 3). One round trip on two unique indexes, asked afresh on every request: a logout, a
 * deactivation or a deletion applies at once, in every process. What the route reads about
 * its caller comes in the same round trip.
 *
 * The lookups of one turn of the event loop that read the same go together in one statement
 * (PrincipalBatchStatement): under load, the requests one poll of the sockets brings in then
 * share the wake-up of one PostgreSQL backend, which cost the server more CPU than all the rest
 * of the query. Each lookup is still answered by its own row, as it would be alone.
 */
@Injectable()
export class FirstPartyUserLookup {
  private readonly users: EntityRows<User>;
  private readonly alone: PrincipalStatement;
  private readonly together: PrincipalBatchStatement;
  private readonly batches = new SameTurnBatches<
    CallerRead<unknown> | undefined,
    VerifiedToken,
    Row | undefined
  >((read, tokens) => this.lookUpTogether(read, tokens));

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly queries: PreparedQueries,
  ) {
    this.users = new EntityRows(dataSource, User);
    // int8: a `sub` past PostgreSQL's integer range finds no user instead of failing the query.
    const unlessLoggedOut = ([userId, tokenHash]: readonly string[]): string =>
      `WITH "found" AS (
         SELECT ${foundUser(this.users, 'u')}
           FROM "users" u WHERE u.id = ${userId}
            AND NOT EXISTS (SELECT 1 FROM "blacklisted_tokens" b WHERE b.token_hash = ${tokenHash}))`;
    const columns = `"found"."${PACKED_USER}"`;
    this.alone = new PrincipalStatement(unlessLoggedOut(['$1::int8', '$2::text']), columns);
    this.together = new PrincipalBatchStatement(unlessLoggedOut, columns, ['int8[]', 'text[]']);
  }

  /** The token's user, with `read` about them; null when the token is not recognised. */
  async find(
    token: VerifiedToken,
    read: CallerRead<unknown> | undefined,
  ): Promise<FoundFirstPartyUser | null> {
    const row =
      this.together.reading(read) === null
        ? await this.lookUpAlone(token, read)
        : await this.batches.submit(read, token);
    if (row === undefined) return null;
    return { user: this.users.hydratePacked(row[PACKED_USER]), read: read?.read(row) };
  }

  private async lookUpAlone(
    token: VerifiedToken,
    read: CallerRead<unknown> | undefined,
  ): Promise<Row | undefined> {
    const params = new SqlParams([token.userId, token.tokenHash]);
    const [row] = await this.queries.rows<Row>(this.alone.reading(read, params), params.values);
    return row;
  }

  /** One turn's lookups reading `read`: a single one runs its own statement. */
  private async lookUpTogether(
    read: CallerRead<unknown> | undefined,
    tokens: readonly VerifiedToken[],
  ): Promise<(Row | undefined)[]> {
    const batch = this.together.reading(read);
    if (tokens.length === 1 || batch === null)
      return Promise.all(tokens.map((token) => this.lookUpAlone(token, read)));
    const rows = await this.queries.rows<Row>(batch, [
      tokens.map((token) => token.userId),
      tokens.map((token) => token.tokenHash),
    ]);
    const found: (Row | undefined)[] = tokens.map(() => undefined);
    for (const row of rows) {
      const position = Number(row[LOOKUP_POSITION]) - 1;
      if (found[position] === undefined) found[position] = row;
    }
    return found;
  }
}
