import type { CallerRead } from 'src/database/caller-read';
import type { EntityRows } from 'src/database/entity-rows';
import { type Statement, statement, StatementCache } from 'src/database/prepared-queries';
import type { SqlParams } from 'src/database/sql-params';
import type { User } from 'src/users/user.entity';

/** The column of `"found"` holding the caller's `users` row as one JSON object. */
export const PACKED_USER = 'pk_user';

/**
 * The user's part of `"found"`'s select list for the `users` row `alias`: its columns, which
 * caller reads join on, and the same row packed as PACKED_USER, which the lookup reads.
 */
export function foundUser(users: EntityRows<User>, alias: string): string {
  return `${users.selectList(alias)}, ${users.packedObject(alias)} AS "${PACKED_USER}"`;
}

/**
 * An authentication query: `ctes` define `"found"`, the caller's `users` row with the token's
 * own columns, at most one row, of which `columns` are selected (the user packed as one JSON
 * column, EntityRows.packedObject, and the token's). It is read alone, or with what the route
 * reads about its caller joined to it (src/database/caller-read.ts): one round trip either way.
 */
export class PrincipalStatement {
  readonly alone: Statement;
  /** One statement per read and shape of its request's parameters. */
  private readonly joined = new StatementCache();
  /**
   * The statement of each read that adds no value, by the read itself: its text never changes
   * (CallerRead.joins), and building and hashing a few kilobytes of SQL cost about 8 µs a
   * request. Reads made for one request leave with it.
   */
  private readonly fixed = new WeakMap<CallerRead<unknown>, Statement>();

  constructor(
    private readonly ctes: string,
    private readonly columns: string,
  ) {
    this.alone = statement(`${ctes} SELECT ${columns} FROM "found"`);
  }

  /**
   * The statement of a route that reads `read` about its caller, or of any other route;
   * `params` hold the authentication query's values, and receive the read's.
   */
  reading(read: CallerRead<unknown> | undefined, params: SqlParams): Statement {
    if (read === undefined) return this.alone;
    const known = this.fixed.get(read);
    if (known !== undefined) return known;
    const added = params.values.length;
    const joined = this.joined.get(
      `${this.ctes} SELECT ${this.columns}, ${read.columns} FROM "found" ${read.joins('"found"', params)}`,
    );
    if (params.values.length === added) this.fixed.set(read, joined);
    return joined;
  }
}
