import type { CallerRead } from 'src/database/caller-read';
import { type Statement, statement } from 'src/database/prepared-queries';

/**
 * An authentication query: `ctes` define `"found"`, the caller's `users` row with the token's
 * own columns, at most one row. It is read alone, or with what the route reads about its
 * caller joined to it (src/database/caller-read.ts): one round trip either way.
 */
export class PrincipalStatement {
  readonly alone: Statement;
  private readonly joined = new Map<CallerRead<unknown>, Statement>();

  constructor(private readonly ctes: string) {
    this.alone = statement(`${ctes} SELECT * FROM "found"`);
  }

  /** The statement of a route that reads `read` about its caller, or of any other route. */
  reading(read: CallerRead<unknown> | undefined): Statement {
    if (read === undefined) return this.alone;
    let found = this.joined.get(read);
    if (found === undefined) {
      found = statement(
        `${this.ctes} SELECT "found".*, ${read.columns} FROM "found" ${read.joins('"found"')}`,
      );
      // Reads are a handful of module constants: the map stays that small.
      this.joined.set(read, found);
    }
    return found;
  }
}
